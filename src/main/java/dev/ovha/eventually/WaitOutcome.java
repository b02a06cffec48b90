package dev.ovha.eventually;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How one named wait ended, in real time: when it started looking, when it reached its verdict, and
 * what that verdict was. Tools that compare the harness with a source of truth (the benchmark compares
 * {@link #ended()} with the moment the twin's state actually changed) read these through a
 * {@link WaitListener}.
 *
 * @param name         the wait's business name
 * @param started      when the first observation was about to be made
 * @param ended        when the verdict was reached: the end of the observation that met the condition (or
 *                     matched a fail-fast), or the moment the timeout ran out
 * @param result       met, timed out, or gave up early
 * @param observations how many observations were made
 * @param pollInterval the configured pause between two observations
 */
public record WaitOutcome(String name, Instant started, Instant ended, Result result, int observations,
                          Duration pollInterval) {

    /** What the wait concluded. */
    public enum Result { MET, TIMED_OUT, GAVE_UP }

    public WaitOutcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** How long the wait lasted. */
    public Duration duration() {
        return Duration.between(started, ended);
    }
}
