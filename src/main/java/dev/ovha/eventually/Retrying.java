package dev.ovha.eventually;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.pollinterval.IterativePollInterval;

/**
 * A bounded retry with exponential back-off, run by Awaitility so that nothing sleeps by hand: try 1 at
 * once, try 2 after the first back-off, each later try after twice the previous pause.
 */
public final class Retrying {
    /** A safety net far above any sane total, only there so that a hung call cannot hang the run. */
    private static final Duration CALL_ALLOWANCE = Duration.ofSeconds(60);

    private final String name;
    private final int attempts;
    private final Duration firstBackoff;

    Retrying(String name, int attempts, Duration firstBackoff) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        this.name = name;
        this.attempts = attempts;
        this.firstBackoff = Objects.requireNonNull(firstBackoff, "firstBackoff");
    }

    /**
     * Calls {@code call} with the try's number (1, 2, ...) until it answers {@link Attempt.Done} or the
     * tries are used up, in which case the last {@link Attempt.Again}'s failure is thrown.
     */
    public <T> T call(IntFunction<Attempt<T>> call) {
        AtomicInteger tried = new AtomicInteger();
        AtomicReference<Attempt<T>> last = new AtomicReference<>();
        Duration limit = firstBackoff.multipliedBy((1L << Math.min(attempts, 20)))
                .plus(CALL_ALLOWANCE.multipliedBy(attempts));
        try {
            Awaitility.await(name)
                    .atMost(limit)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(new IterativePollInterval(previous -> previous.multipliedBy(2), firstBackoff))
                    .pollInSameThread()
                    .until(() -> {
                        Attempt<T> outcome = call.apply(tried.incrementAndGet());
                        last.set(outcome);
                        return outcome instanceof Attempt.Done<T> || tried.get() >= attempts;
                    });
        } catch (ConditionTimeoutException e) {
            throw new WaitTimedOut("Timed out after " + Watch.seconds(limit) + " retrying " + name + " ("
                    + tried.get() + " of " + attempts + " tries made)");
        }
        Attempt<T> outcome = last.get();
        if (outcome instanceof Attempt.Done<T> done) {
            return done.value();
        }
        Throwable failure = ((Attempt.Again<T>) outcome).failure();
        if (failure instanceof Error error) {
            throw error;
        }
        throw (RuntimeException) failure;
    }
}
