package dev.ovha.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and how often one AWS API call may try. Both bounds exist so that a dead endpoint (a stopped
 * twin, a black-holed region) fails a scenario in seconds instead of hanging the whole run.
 *
 * @param maxAttempts    attempts per call including the first, at least 1 (1 means no retry)
 * @param apiCallTimeout wall-clock limit for the call including all retries and back-off
 */
public record CallLimits(int maxAttempts, Duration apiCallTimeout) {
    public static final CallLimits DEFAULT = new CallLimits(3, Duration.ofSeconds(30));

    public CallLimits {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
        if (apiCallTimeout.isNegative() || apiCallTimeout.isZero()) {
            throw new IllegalArgumentException("apiCallTimeout must be positive: " + apiCallTimeout);
        }
    }

    public CallLimits withMaxAttempts(int attempts) {
        return new CallLimits(attempts, apiCallTimeout);
    }

    public CallLimits withApiCallTimeout(Duration timeout) {
        return new CallLimits(maxAttempts, timeout);
    }
}
