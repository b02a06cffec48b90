package dev.ovha.chaos;

import dev.ovha.config.Timeouts;
import dev.ovha.eventually.Eventually;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The chaos package's one wait, through {@link Eventually}: a business name, a time limit and the poll interval
 * from the configuration (so that a chaos wait notices its condition as soon as any other wait), an exit when the
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
    static <T> T until(String name, Timeouts waits, StopFlag stop, Supplier<T> observe, Predicate<T> done,
                       Function<T, String> describe) {
        try {
            return Eventually.that(name, waits)
                    .observing(observe)
                    .describedBy(describe::apply)
                    .failFastWhen(seen -> stop.stopRequested(), seen -> "the run was asked to stop")
                    .until(done::test);
        } catch (AssertionError e) {
            throw new IllegalStateException(OneLine.of(String.valueOf(e.getMessage())));
        }
    }
}
