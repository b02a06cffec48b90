package dev.ovha.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A value that must never be printed. {@link #toString()} is a mask so that a secret passed to a logger,
 * a string concatenation or an assertion message stays hidden; {@link #reveal()} is the single, greppable
 * way to get the characters for the one call that needs them.
 */
public final class Secret {
    private static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value);
    }

    /** The plain value. Call it only where the secret leaves the process (an HTTP header, a login). */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        // Constant-time, so comparing a guess against the real secret does not leak how much of it matched.
        return other instanceof Secret that
                && MessageDigest.isEqual(bytes(value), bytes(that.value));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
