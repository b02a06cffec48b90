package dev.ovha.chaos;

import java.util.Objects;

/**
 * The three-valued outcome of a scenario (plus passed), as reports and exit codes read it: the stack broke a
 * promise (failed), the harness, AWS or a rollback errored (broken), or a precondition or safety check said
 * no (skipped). The reason is one line, because it is often the only thing a CI log shows.
 */
public record Verdict(Kind kind, String reason) {

    public enum Kind { PASSED, FAILED, BROKEN, SKIPPED }

    public Verdict {
        Objects.requireNonNull(kind, "kind");
        reason = oneLine(Objects.requireNonNull(reason, "reason"));
    }

    public static Verdict passed() {
        return new Verdict(Kind.PASSED, "");
    }

    public static Verdict failed(String reason) {
        return new Verdict(Kind.FAILED, reason);
    }

    public static Verdict broken(String reason) {
        return new Verdict(Kind.BROKEN, reason);
    }

    public static Verdict skipped(String reason) {
        return new Verdict(Kind.SKIPPED, reason);
    }

    /** Control characters (a newline from an error body) would break the one-line promise: shown escaped. */
    static String oneLine(String text) {
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
