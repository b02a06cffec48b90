package dev.ovha.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the harness waits for the stack and how often it looks meanwhile. The twin compresses AWS's
 * minutes into seconds, so its defaults are short; a live stack gets AWS-sized ones.
 *
 * @param defaultTimeout how long one wait may last before it fails with what it saw last
 * @param pollInterval   the pause between two looks
 */
public record Timeouts(Duration defaultTimeout, Duration pollInterval) {
    static final int TWIN_TIMEOUT_SECONDS = 15;
    static final int AWS_TIMEOUT_SECONDS = 300;
    static final int TWIN_POLL_MILLIS = 100;
    static final int AWS_POLL_MILLIS = 5000;

    public Timeouts {
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
            throw new IllegalArgumentException("defaultTimeout must be positive: " + defaultTimeout);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
        }
    }

    /** The built-in defaults for a target, as the configuration table documents them. */
    public static Timeouts defaultsFor(Target target) {
        return target == Target.TWIN
                ? new Timeouts(Duration.ofSeconds(TWIN_TIMEOUT_SECONDS), Duration.ofMillis(TWIN_POLL_MILLIS))
                : new Timeouts(Duration.ofSeconds(AWS_TIMEOUT_SECONDS), Duration.ofMillis(AWS_POLL_MILLIS));
    }
}
