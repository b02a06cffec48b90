package dev.ovha.chaos;

/**
 * Reasons and error messages of the chaos machinery are one line, because a CI log often shows nothing
 * else: control characters (a newline from an error body) are shown escaped instead of breaking the line.
 */
final class OneLine {
    private OneLine() {
    }

    static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
