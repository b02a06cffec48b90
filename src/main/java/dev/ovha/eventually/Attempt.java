package dev.ovha.eventually;

import java.util.Objects;

/**
 * What one try of a {@link Retrying} call decided: {@link Done} (with a value, stop) or {@link Again}
 * (a transient failure worth another try; it is thrown if no try is left).
 *
 * @param <T> the value of a successful try
 */
public sealed interface Attempt<T> {

    static <T> Attempt<T> done(T value) {
        return new Done<>(value);
    }

    /** {@code failure} is unchecked: a {@link RuntimeException} or an {@link Error} such as an assertion. */
    static <T> Attempt<T> again(Throwable failure) {
        return new Again<>(failure);
    }

    /** Stop: here is the answer (which may itself be a non-retryable failure the caller handles). */
    record Done<T>(T value) implements Attempt<T> {
    }

    /** Try again; {@code failure} is what the caller gets when the attempts are used up. */
    record Again<T>(Throwable failure) implements Attempt<T> {
        public Again {
            Objects.requireNonNull(failure, "failure");
            if (!(failure instanceof RuntimeException) && !(failure instanceof Error)) {
                throw new IllegalArgumentException("a retry's failure must be unchecked: " + failure.getClass().getName());
            }
        }
    }
}
