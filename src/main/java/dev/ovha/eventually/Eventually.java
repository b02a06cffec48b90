package dev.ovha.eventually;

import dev.ovha.config.Timeouts;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The harness's only door to Awaitility: every wait has a business name ("session ses_X listed by the
 * cluster"), a timeout and poll interval from configuration, optional fail-fast exits for terminal
 * states, and, when it times out, an {@link AssertionError} that restates what was awaited and what was
 * seen last. Awaitility's global defaults are never touched: every setting is given per wait.
 *
 * <pre>{@code
 * Eventually.that("session " + id + " listed by the cluster", timeouts)
 *         .observing(api::sessions)
 *         .describedBy(sessions -> "listed: " + ids(sessions))
 *         .until(sessions -> ids(sessions).contains(id));
 * }</pre>
 *
 * <p>Bounded retries with back-off (the OpenVidu client's "retry 500-504") use {@link #retrying}, built
 * on the same machinery so that no code ever sleeps.
 */
public final class Eventually {
    private final String name;
    private final Duration timeout;
    private final Duration pollInterval;

    private Eventually(String name, Duration timeout, Duration pollInterval) {
        this.name = requireName(name);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** A wait named for what it awaits, with the configured timeout and poll interval. */
    public static Eventually that(String name, Timeouts timeouts) {
        return new Eventually(name, timeouts.defaultTimeout(), timeouts.pollInterval());
    }

    /** Starts describing the wait: what to look at on every poll. */
    public <T> Watch<T> observing(Supplier<T> observation) {
        return new Watch<>(name, timeout, pollInterval, observation);
    }

    /**
     * A bounded retry: at most {@code attempts} calls, the first at once, then after {@code firstBackoff},
     * twice that, and so on. The call decides per answer whether to stop or go again.
     */
    public static Retrying retrying(String name, int attempts, Duration firstBackoff) {
        return new Retrying(requireName(name), attempts, firstBackoff);
    }

    /**
     * Tells {@code listener} how every later wait of this JVM ends (name, real start and verdict times,
     * result) until the returned registration is closed: how a tool compares the harness's verdicts with
     * when the stack really changed, without the waits knowing who listens.
     */
    public static WaitListener.Registration addListener(WaitListener listener) {
        return WaitListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("every wait needs a business name");
        }
        return name;
    }
}
