package dev.ovha.eventually;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ovha.config.Timeouts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    void listenersAreToldHowEachWaitEndedAndWhen() {
        List<WaitOutcome> told = new CopyOnWriteArrayList<>();
        Timeouts patient = new Timeouts(Duration.ofSeconds(5), Duration.ofMillis(10));
        try (WaitListener.Registration ignored = Eventually.addListener(outcome -> {
            if (outcome.name().startsWith("listened ")) {
                told.add(outcome);
            }
        })) {
            AtomicInteger polls = new AtomicInteger();
            Instant before = Instant.now();
            Eventually.that("listened counter at 3", patient).observing(polls::incrementAndGet).until(n -> n >= 3);
            Instant after = Instant.now();
            assertThatThrownBy(() -> Eventually.that("listened never", QUICK).observing(() -> 1).until(n -> false))
                    .isInstanceOf(WaitTimedOut.class);
            assertThatThrownBy(() -> Eventually.that("listened terminal", patient).observing(() -> "terminated")
                    .failFastWhen("terminated"::equals, s -> "gone").until("healthy"::equals))
                    .isInstanceOf(WaitGaveUp.class);

            assertThat(told).extracting(WaitOutcome::name, WaitOutcome::result).containsExactly(
                    tuple("listened counter at 3", WaitOutcome.Result.MET),
                    tuple("listened never", WaitOutcome.Result.TIMED_OUT),
                    tuple("listened terminal", WaitOutcome.Result.GAVE_UP));
            WaitOutcome met = told.get(0);
            assertThat(met.observations()).isEqualTo(3);
            assertThat(met.pollInterval()).isEqualTo(Duration.ofMillis(10));
            assertThat(met.started()).isAfterOrEqualTo(before).isBeforeOrEqualTo(met.ended());
            assertThat(met.ended()).isBeforeOrEqualTo(after);
            assertThat(told.get(1).duration()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
        Eventually.that("listened after closing", QUICK).observing(() -> 1).until(n -> true);
        assertThat(told).extracting(WaitOutcome::name).doesNotContain("listened after closing");
    }

    @Test
    void aFailingListenerChangesNoVerdict() {
        try (WaitListener.Registration ignored = Eventually.addListener(outcome -> {
            throw new IllegalStateException("recorder broke");
        })) {
            assertThat(Eventually.that("something", QUICK).observing(() -> 7).until(n -> n == 7)).isEqualTo(7);
        }
    }

    @Test
    void everyWaitNeedsABusinessName() {
        assertThatThrownBy(() -> Eventually.that(" ", QUICK)).isInstanceOf(IllegalArgumentException.class);
    }
}
