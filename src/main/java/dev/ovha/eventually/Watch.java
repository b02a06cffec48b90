package dev.ovha.eventually;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One wait being described: what is observed, how an observation reads in a message, which
 * observations end the wait early as hopeless, and (in {@link #until}) what ends it successfully.
 * Immutable: every method returns a new watch.
 *
 * @param <T> what one observation returns
 */
public final class Watch<T> {
    private final String name;
    private final Duration timeout;
    private final Duration pollInterval;
    private final Supplier<T> observation;
    private final Function<? super T, String> describe;
    private final List<FailFast<T>> failFasts;

    private record FailFast<T>(Predicate<? super T> terminal, Function<? super T, String> reason) {
    }

    Watch(String name, Duration timeout, Duration pollInterval, Supplier<T> observation) {
        this(name, timeout, pollInterval, observation, String::valueOf, List.of());
    }

    private Watch(String name, Duration timeout, Duration pollInterval, Supplier<T> observation,
                  Function<? super T, String> describe, List<FailFast<T>> failFasts) {
        this.name = name;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.observation = Objects.requireNonNull(observation, "observation");
        this.describe = Objects.requireNonNull(describe, "describe");
        this.failFasts = List.copyOf(failFasts);
    }

    /** How an observation is shown in a failure message; {@code toString()} unless given. */
    public Watch<T> describedBy(Function<? super T, String> description) {
        return new Watch<>(name, timeout, pollInterval, observation, description, failFasts);
    }

    /**
     * Ends the wait at once, as failed, when an observation shows a state that cannot lead to success
     * ("the instance was terminated while we waited for it to be healthy").
     */
    public Watch<T> failFastWhen(Predicate<? super T> terminal, Function<? super T, String> reason) {
        List<FailFast<T>> more = new ArrayList<>(failFasts);
        more.add(new FailFast<>(terminal, reason));
        return new Watch<>(name, timeout, pollInterval, observation, describe, more);
    }

    /**
     * Polls until {@code done} holds and returns the observation that satisfied it.
     *
     * @throws WaitTimedOut when the time is up, naming the wait and the last observation
     * @throws WaitGaveUp   when a fail-fast condition matched
     */
    public T until(Predicate<? super T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        AtomicInteger observations = new AtomicInteger();
        AtomicReference<Instant> metAt = new AtomicReference<>();
        Instant started = Instant.now();
        try {
            T value = Awaitility.await(name)
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(pollInterval)
                    // In the caller's thread: observations may depend on thread-bound context, and a
                    // stuck observation then shows up in the caller's stack, not in a pool thread.
                    .pollInSameThread()
                    .until(() -> observe(last, observations, started), observed -> met(done, observed, metAt));
            ended(started, Objects.requireNonNullElseGet(metAt.get(), Instant::now), WaitOutcome.Result.MET, observations);
            return value;
        } catch (ConditionTimeoutException e) {
            ended(started, Instant.now(), WaitOutcome.Result.TIMED_OUT, observations);
            throw new WaitTimedOut("Timed out after " + seconds(timeout) + " waiting for " + name
                    + "; last observed: " + shown(last.get()));
        } catch (WaitGaveUp e) {
            ended(started, Instant.now(), WaitOutcome.Result.GAVE_UP, observations);
            throw e;
        }
    }

    /** The verdict's time is taken as the condition is seen to hold, before Awaitility winds down. */
    private static <T> boolean met(Predicate<? super T> done, T observed, AtomicReference<Instant> metAt) {
        boolean met = done.test(observed);
        if (met) {
            metAt.set(Instant.now());
        }
        return met;
    }

    private void ended(Instant started, Instant at, WaitOutcome.Result result, AtomicInteger observations) {
        WaitListeners.tell(new WaitOutcome(name, started, at, result, observations.get(), pollInterval));
    }

    private T observe(AtomicReference<T> last, AtomicInteger observations, Instant started) {
        T value = observation.get();
        observations.incrementAndGet();
        last.set(value);
        for (FailFast<T> failFast : failFasts) {
            if (failFast.terminal().test(value)) {
                throw new WaitGaveUp("Gave up after " + seconds(Duration.between(started, Instant.now()))
                        + " waiting for " + name + ": " + failFast.reason().apply(value)
                        + "; last observed: " + shown(value));
            }
        }
        return value;
    }

    private String shown(T value) {
        return value == null ? "nothing (no observation completed)" : describe.apply(value);
    }

    static String seconds(Duration duration) {
        double s = duration.toMillis() / 1000.0;
        return s == Math.rint(s) ? (long) s + " s" : String.format(java.util.Locale.ROOT, "%.1f s", s);
    }
}
