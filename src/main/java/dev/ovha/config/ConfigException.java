package dev.ovha.config;

/**
 * A configuration problem the user must fix before anything runs.
 *
 * <p>The message is always a single line that names the key, the value (never a secret's), what was
 * expected and where the value came from, because it is usually the only thing a CI log shows.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(printable(message));
    }

    /** {@code ovha.target = 'gcp' (from -Dovha.target): expected one of twin, aws}. */
    static ConfigException invalid(ConfigKey key, SourcedValue value, String expectation) {
        if (key.isSecret()) {
            return hidden(key, value.source(), "is not valid", expectation);
        }
        return new ConfigException(key.key() + " = '" + value.value() + "' "
                + value.source().parenthesized() + ": expected " + expectation);
    }

    /**
     * For secrets: says what is wrong without the value, e.g. {@code ovha.openvidu.secret: the value (hidden,
     * from env OVHA_OPENVIDU_SECRET) contains characters OpenVidu does not accept; expected ...}.
     */
    static ConfigException hidden(ConfigKey key, ValueSource source, String problem, String expectation) {
        String from = source.kind() == ValueSource.Kind.DEFAULT ? "default" : "from " + source.label();
        return new ConfigException(key.key() + ": the value (hidden, " + from + ") " + problem
                + "; expected " + expectation);
    }

    /**
     * Values and file names come from outside; a newline or control character in one would break the
     * one-line promise (and could forge log lines), so they are shown escaped.
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
