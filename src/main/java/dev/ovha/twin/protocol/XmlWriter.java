package dev.ovha.twin.protocol;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** A small streaming XML builder; it escapes text and renders {@link Struct} trees. */
public final class XmlWriter {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder(512);

    public XmlWriter declaration() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        return this;
    }

    public XmlWriter open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    public XmlWriter open(String name, String xmlns) {
        out.append('<').append(name).append(" xmlns=\"").append(escape(xmlns)).append("\">");
        return this;
    }

    public XmlWriter close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    public XmlWriter element(String name, String text) {
        if (text != null) {
            open(name);
            out.append(escape(text));
            close(name);
        }
        return this;
    }

    /**
     * Renders the members of {@code struct} as child elements; a list becomes a wrapper element holding
     * one {@code listItem} element per entry ({@code member} for query, {@code item} for EC2).
     */
    public XmlWriter members(Struct struct, String listItem) {
        for (Map.Entry<String, Object> member : struct.members().entrySet()) {
            value(member.getKey(), member.getValue(), listItem);
        }
        return this;
    }

    private void value(String name, Object value, String listItem) {
        if (value instanceof Struct nested) {
            open(name);
            members(nested, listItem);
            close(name);
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append('<').append(name).append("/>");
                return;
            }
            open(name);
            for (Object entry : list) {
                value(listItem, entry, listItem);
            }
            close(name);
        } else {
            element(name, scalar(value));
        }
    }

    /** The XML text of a scalar: ISO-8601 with milliseconds for timestamps, plain text otherwise. */
    public static String scalar(Object value) {
        if (value instanceof Instant instant) {
            return ISO_MILLIS.format(instant);
        }
        return String.valueOf(value);
    }

    public static String escape(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> null;
            };
            if (replacement != null) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                sb.append(replacement);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
