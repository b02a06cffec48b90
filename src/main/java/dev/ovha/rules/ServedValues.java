package dev.ovha.rules;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * How a {@code .env} text value compares with what {@code /openvidu/api/config} serves for it: OpenVidu
 * parses booleans ignoring case, numbers as numbers, lists from {@code [a,b]} text, and adds a final
 * slash to directory paths.
 */
final class ServedValues {
    private ServedValues() {
    }

    static boolean same(String text, Object served) {
        String value = text.strip();
        if (served instanceof Boolean b) {
            return value.toLowerCase(Locale.ROOT).equals(b.toString());
        }
        if (served instanceof Number n) {
            try {
                return new BigDecimal(value).compareTo(new BigDecimal(n.toString())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (served instanceof Collection<?> items) {
            return items(value).equals(items.stream().map(String::valueOf).map(String::strip).toList());
        }
        return withoutFinalSlash(value).equals(withoutFinalSlash(String.valueOf(served)));
    }

    static String shown(Object served) {
        return served instanceof String s ? s : String.valueOf(served);
    }

    private static List<String> items(String text) {
        String inner = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (inner.isBlank()) {
            return List.of();
        }
        return Arrays.stream(inner.split(",")).map(String::strip).map(ServedValues::unquote).toList();
    }

    private static String unquote(String item) {
        boolean quoted = item.length() >= 2 && (item.startsWith("\"") && item.endsWith("\"")
                || item.startsWith("'") && item.endsWith("'"));
        return quoted ? item.substring(1, item.length() - 1) : item;
    }

    private static String withoutFinalSlash(String text) {
        return text.length() > 1 && text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
