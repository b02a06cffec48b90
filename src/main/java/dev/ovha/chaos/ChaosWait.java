package dev.ovha.chaos;

import dev.ovha.config.Timeouts;
import dev.ovha.eventually.Eventually;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The chaos package's one wait, through {@link Eventually}: a business name, a time limit, an exit when the
 * kill switch is pulled, and, on timeout, what was seen last. A wait that ends badly is an
 * {@link IllegalStateException} here (Eventually's are assertion errors, meant for scenarios): an undo that
 * times out is a broken rollback, which {@link Rollbacks} reports and then goes on with the others.
 */
final class ChaosWait {
    private ChaosWait() {
    }

    /**
     * Observes until {@code done} holds and returns that observation.
     *
     * @throws IllegalStateException naming the wait and the last observation, on timeout or stop
     */
    static <T> T until(String name, Duration timeout, StopFlag stop, Supplier<T> observe, Predicate<T> done,
                       Function<T, String> describe) {
        // About fifty looks over the time limit, but never more often than every 20 ms nor less than every second.
        Duration poll = clamp(timeout.dividedBy(50), Duration.ofMillis(20), Duration.ofSeconds(1));
        try {
            return Eventually.that(name, new Timeouts(timeout, poll))
                    .observing(observe)
                    .describedBy(describe::apply)
                    .failFastWhen(seen -> stop.stopRequested(), seen -> "the run was asked to stop")
                    .until(done::test);
        } catch (AssertionError e) {
            throw new IllegalStateException(Verdict.oneLine(String.valueOf(e.getMessage())));
        }
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }
}
