package dev.ovha.eventually;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ovha.config.Timeouts;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {
    private static final Timeouts QUICK = new Timeouts(Duration.ofMillis(300), Duration.ofMillis(10));

    @Test
    void returnsTheObservationThatSatisfiedTheCondition() {
        AtomicInteger polls = new AtomicInteger();
        int seen = Eventually.that("the counter reaching 3", QUICK)
                .observing(polls::incrementAndGet)
                .until(n -> n >= 3);
        assertThat(seen).isEqualTo(3);
    }

    @Test
    void aTimeoutNamesTheWaitAndTheLastObservation() {
        assertThatThrownBy(() -> Eventually.that("media node i-0abc registered by every master", QUICK)
                .observing(() -> "registered by 1 of 2 masters")
                .describedBy(s -> "<" + s + ">")
                .until(s -> false))
                .isInstanceOf(WaitTimedOut.class)
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Timed out after 0.3 s waiting for media node i-0abc registered by every master")
                .hasMessageEndingWith("last observed: <registered by 1 of 2 masters>");
    }

    @Test
    void aTerminalStateEndsTheWaitAtOnceWithItsReason() {
        AtomicInteger polls = new AtomicInteger();
        // A long timeout: the wait must end at the terminal state, not at the limit.
        Timeouts patient = new Timeouts(Duration.ofMinutes(5), Duration.ofMillis(10));
        assertThatThrownBy(() -> Eventually.that("instance i-1 healthy", patient)
                .observing(() -> polls.incrementAndGet() < 3 ? "pending" : "terminated")
                .failFastWhen("terminated"::equals, state -> "the instance was terminated while we waited")
                .until("healthy"::equals))
                .isInstanceOf(WaitGaveUp.class)
                .hasMessageContaining("waiting for instance i-1 healthy: the instance was terminated while we waited")
                .hasMessageEndingWith("last observed: terminated");
        assertThat(polls).hasValue(3);
    }

    @Test
    void anErrorWhileObservingIsNotSwallowed() {
        assertThatThrownBy(() -> Eventually.that("something", QUICK)
                .observing(() -> {
                    throw new IllegalStateException("AWS said no");
                })
                .until(x -> true))
                .isInstanceOf(IllegalStateException.class).hasMessage("AWS said no");
    }

    @Test
    void aRetryStopsAtTheFirstDoneAndBacksOffBetweenTries() {
        AtomicInteger tries = new AtomicInteger();
        long started = System.nanoTime();
        String answer = Eventually.retrying("GET /config", 5, Duration.ofMillis(20)).call(attempt -> {
            tries.incrementAndGet();
            return attempt < 3 ? Attempt.again(new IllegalStateException("503")) : Attempt.done("200");
        });
        assertThat(answer).isEqualTo("200");
        assertThat(tries).hasValue(3);
        // Two pauses: 20 ms, then twice that.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(55));
    }

    @Test
    void aRetryThatNeverSucceedsThrowsTheLastFailureAfterTheLastTry() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> Eventually.retrying("GET /config", 3, Duration.ofMillis(1)).call(attempt -> {
            tries.incrementAndGet();
            return Attempt.again(new AssertionError("503 on try " + attempt));
        })).isInstanceOf(AssertionError.class).hasMessage("503 on try 3");
        assertThat(tries).hasValue(3);
    }

    @Test
    void aRetryFailureMustBeUnchecked() {
        assertThatThrownBy(() -> Attempt.again(new java.io.IOException("checked")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyWaitNeedsABusinessName() {
        assertThatThrownBy(() -> Eventually.that(" ", QUICK)).isInstanceOf(IllegalArgumentException.class);
    }
}
