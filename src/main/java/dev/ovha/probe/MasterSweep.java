package dev.ovha.probe;

import dev.ovha.driver.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Asks the same question through the load balancer often enough that every master has answered it, when the
 * answer does not say which master gave it ({@code /status}, {@code /media-nodes}): {@link CoverageBound}'s
 * number of requests for the serving masters, so that with a balancer that picks at random a master is
 * missed with a probability below one in a million. A check that holds for every answer holds for every
 * master.
 *
 * <p>The requests are independent, so they go {@link #LANES} at a time: a sweep costs a few round trips, not
 * twenty, and a condition observed through it is noticed within one poll interval of becoming true.
 */
public final class MasterSweep {
    /** Requests in flight at once: below the kept-alive connections per host, so that other calls find one free. */
    static final int LANES = 6;

    private final CoverageBound bound;

    private MasterSweep(CoverageBound bound) {
        this.bound = bound;
    }

    /** A sweep over {@code masters} serving masters (at least one). */
    public static MasterSweep over(int masters) {
        return new MasterSweep(CoverageBound.forMasters(Math.max(1, masters)));
    }

    /**
     * Every answer, asked {@link #LANES} at a time on {@code parallel}, in the order the requests were numbered
     * (request i by lane i mod LANES); a failed request ends the sweep with its exception.
     */
    public <T> List<T> ask(Supplier<T> question, Parallel parallel) {
        int requests = bound.requests();
        int lanes = Math.min(LANES, requests);
        List<CompletableFuture<List<T>>> running = new ArrayList<>(lanes);
        for (int lane = 0; lane < lanes; lane++) {
            int first = lane;
            running.add(parallel.start(() -> {
                List<T> mine = new ArrayList<>();
                for (int i = first; i < requests; i += lanes) {
                    mine.add(question.get());
                }
                return mine;
            }));
        }
        List<List<T>> byLane = new ArrayList<>(lanes);
        for (CompletableFuture<List<T>> lane : running) {
            byLane.add(Parallel.await(lane));
        }
        List<T> answers = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            answers.add(byLane.get(i % lanes).get(i / lanes));
        }
        return answers;
    }

    public CoverageBound bound() {
        return bound;
    }
}
