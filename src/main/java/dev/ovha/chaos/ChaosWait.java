package dev.ovha.chaos;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * The chaos package's one wait (until {@code dev.ovha.eventually} is on this branch, when this becomes a
 * call to it): a business name, a time limit, an exit when the kill switch is pulled, and, on timeout, what
 * was seen last. Awaitility's global defaults are never touched.
 */
final class ChaosWait {
    private ChaosWait() {
    }

    /**
     * Observes until {@code done} holds and returns the last observation.
     *
     * @throws IllegalStateException naming the wait and the last observation, on timeout or stop
     */
    static <T> T until(String name, Duration timeout, StopFlag stop, Supplier<T> observe, Predicate<T> done,
                       Function<T, String> describe) {
        AtomicReference<T> last = new AtomicReference<>();
        // About fifty looks over the time limit, but never more often than every 20 ms nor less than every second.
        Duration poll = clamp(timeout.dividedBy(50), Duration.ofMillis(20), Duration.ofSeconds(1));
        try {
            Awaitility.await(name).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(poll)
                    .failFast("the run was asked to stop", stop::stopRequested)
                    .until(() -> {
                        T seen = observe.get();
                        last.set(seen);
                        return seen;
                    }, done::test);
            return last.get();
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            String seen = last.get() == null ? "nothing observed" : describe.apply(last.get());
            String why = e instanceof TerminalFailureException ? "stopped (the run was asked to stop)"
                    : "timed out after " + timeout.toSeconds() + " s";
            throw new IllegalStateException(Objects.requireNonNull(name) + ": " + why + "; last seen: " + seen);
        }
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }
}
