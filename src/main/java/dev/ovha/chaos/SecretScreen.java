package dev.ovha.chaos;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret values this process knows (the OpenVidu secret, and every secret-looking value read from the
 * {@code .env}), so that nothing it writes to the journal or prints can carry one, even by accident: a
 * journal line containing a known secret is refused, and messages are scrubbed before they are shown.
 */
public final class SecretScreen {
    private static final int MIN_LENGTH = 4;
    private static final String MASK = "****";

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** Remembers a secret value. Very short values are ignored: masking "on" everywhere would garble text. */
    public void add(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            secrets.add(secret);
        }
    }

    /** Whether {@code text} contains any known secret. */
    public boolean leaks(String text) {
        return secrets.stream().anyMatch(text::contains);
    }

    /** {@code text} with every known secret replaced by {@code ****}. */
    public String scrub(String text) {
        String result = text == null ? "" : text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
