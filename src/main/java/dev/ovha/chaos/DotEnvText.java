package dev.ovha.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Line-level edits of an OpenVidu {@code .env}, keeping every other line byte for byte (comments, order,
 * blank lines, the secrets we never look at twice), so that restoring a key gives back the very file that
 * was there before.
 */
final class DotEnvText {
    private final List<String> lines;
    private final boolean finalNewline;

    private DotEnvText(List<String> lines, boolean finalNewline) {
        this.lines = lines;
        this.finalNewline = finalNewline;
    }

    static DotEnvText parse(String text) {
        boolean finalNewline = text.isEmpty() || text.endsWith("\n");
        String body = finalNewline && !text.isEmpty() ? text.substring(0, text.length() - 1) : text;
        List<String> lines = new ArrayList<>(body.isEmpty() ? List.of() : List.of(body.split("\n", -1)));
        return new DotEnvText(lines, finalNewline);
    }

    /** The value of the last assignment of {@code key} (later lines win, as in docker-compose), unquoted. */
    Optional<String> get(String key) {
        String value = null;
        for (String line : lines) {
            String k = keyOf(line);
            if (key.equals(k)) {
                value = unquote(line.substring(line.indexOf('=') + 1).strip());
            }
        }
        return Optional.ofNullable(value);
    }

    /**
     * The text after {@code =} of the last assignment of {@code key}, exactly as written (quotes and spaces
     * kept), which {@link #set} writes back unchanged.
     */
    Optional<String> raw(String key) {
        String value = null;
        for (String line : lines) {
            if (key.equals(keyOf(line))) {
                value = line.substring(line.indexOf('=') + 1);
            }
        }
        return Optional.ofNullable(value);
    }

    /** Every {@code KEY=value} assignment, last one winning. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines) {
            String k = keyOf(line);
            if (k != null) {
                values.put(k, unquote(line.substring(line.indexOf('=') + 1).strip()));
            }
        }
        return values;
    }

    /** Sets {@code key} to the raw text {@code value}: every assignment line of it; a new key is appended. */
    DotEnvText set(String key, String value) {
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            if (key.equals(keyOf(lines.get(i)))) {
                String line = lines.get(i);
                lines.set(i, line.substring(0, line.indexOf('=') + 1) + value);
                found = true;
            }
        }
        if (!found) {
            lines.add(key + "=" + value);
        }
        return this;
    }

    /** Removes every assignment line of {@code key}. */
    DotEnvText remove(String key) {
        lines.removeIf(line -> key.equals(keyOf(line)));
        return this;
    }

    String text() {
        String joined = String.join("\n", lines);
        return finalNewline && !lines.isEmpty() ? joined + "\n" : joined;
    }

    private static String keyOf(String line) {
        String stripped = line.strip();
        int eq = stripped.indexOf('=');
        if (stripped.startsWith("#") || eq <= 0) {
            return null;
        }
        return stripped.substring(0, eq).strip();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
