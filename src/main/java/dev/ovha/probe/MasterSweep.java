package dev.ovha.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Asks the same question through the load balancer often enough that every master has answered it, when the
 * answer does not say which master gave it ({@code /status}, {@code /media-nodes}): {@link CoverageBound}'s
 * number of requests for the serving masters, so that with a balancer that picks at random a master is
 * missed with a probability below one in a million. A check that holds for every answer holds for every
 * master.
 */
public final class MasterSweep {
    private final CoverageBound bound;

    private MasterSweep(CoverageBound bound) {
        this.bound = bound;
    }

    /** A sweep over {@code masters} serving masters (at least one). */
    public static MasterSweep over(int masters) {
        return new MasterSweep(CoverageBound.forMasters(Math.max(1, masters)));
    }

    /** Every answer, in order; a failed request ends the sweep with its exception. */
    public <T> List<T> ask(Supplier<T> question) {
        List<T> answers = new ArrayList<>(bound.requests());
        for (int i = 0; i < bound.requests(); i++) {
            answers.add(question.get());
        }
        return answers;
    }

    public CoverageBound bound() {
        return bound;
    }
}
