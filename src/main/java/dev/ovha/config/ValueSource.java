package dev.ovha.config;

import java.nio.file.Path;

/**
 * Where a configuration value came from, so that messages can tell the user which knob to turn.
 *
 * @param kind  the layer
 * @param label how to name it to a human: {@code env OVHA_TARGET}, {@code -Dovha.target},
 *              {@code file /work/ovha.properties} or {@code default}
 */
public record ValueSource(Kind kind, String label) {

    /** The layers, highest precedence first. */
    public enum Kind { ENVIRONMENT, SYSTEM_PROPERTY, FILE, DEFAULT }

    static ValueSource environment(String envName) {
        return new ValueSource(Kind.ENVIRONMENT, "env " + envName);
    }

    static ValueSource systemProperty(String key) {
        return new ValueSource(Kind.SYSTEM_PROPERTY, "-D" + key);
    }

    static ValueSource file(Path file) {
        return new ValueSource(Kind.FILE, "file " + file);
    }

    static ValueSource defaults() {
        return new ValueSource(Kind.DEFAULT, "default");
    }

    /** {@code (default)} or {@code (from -Dovha.target)}: the suffix every message and describe() line uses. */
    public String parenthesized() {
        return kind == Kind.DEFAULT ? "(default)" : "(from " + label + ")";
    }
}
