package dev.ovha.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ovha.driver.Parallel;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MasterSweepTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Parallel parallel = new Parallel(pool);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void everyRequestIsAskedOnceAndTheAnswersKeepTheirOrder() {
        MasterSweep sweep = MasterSweep.over(2);
        AtomicInteger asked = new AtomicInteger();
        List<Integer> answers = sweep.ask(asked::getAndIncrement, parallel);
        assertThat(answers).hasSize(sweep.bound().requests());
        assertThat(answers).doesNotHaveDuplicates();
        assertThat(asked).hasValue(sweep.bound().requests());
    }

    /** The lanes really run together: each request waits until as many as there are lanes have started. */
    @Test
    void theRequestsGoSeveralAtATimeAndNoMore() throws Exception {
        MasterSweep sweep = MasterSweep.over(3);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch allLanesStarted = new CountDownLatch(MasterSweep.LANES);
        List<String> answers = sweep.ask(() -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            allLanesStarted.countDown();
            try {
                // Not a pause for time to pass: the first request of every lane meets here, which only
                // happens if the lanes run at the same time.
                assertThat(allLanesStarted.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            inFlight.decrementAndGet();
            return "ok";
        }, parallel);
        assertThat(answers).hasSize(sweep.bound().requests()).containsOnly("ok");
        assertThat(most.get()).isEqualTo(MasterSweep.LANES);
    }

    @Test
    void aFailedRequestEndsTheSweepWithItsOwnException() {
        AtomicInteger asked = new AtomicInteger();
        assertThatThrownBy(() -> MasterSweep.over(2).ask(() -> {
            if (asked.incrementAndGet() == 5) {
                throw new IllegalStateException("503 from the load balancer");
            }
            return "ok";
        }, parallel)).isInstanceOf(IllegalStateException.class).hasMessage("503 from the load balancer");
    }
}
