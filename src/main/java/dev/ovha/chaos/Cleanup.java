package dev.ovha.chaos;

import java.util.List;
import java.util.Optional;

/**
 * Puts a stack back after runs that could not (kill -9, a lost CI runner): replays every pending journal entry
 * for the stack from other runs, newest first, then sweeps FIS objects other runs left ({@link FisSweeper}).
 * Run at the start of every run and by {@code scripts/cleanup}.
 */
public final class Cleanup {
    private final Rollbacks rollbacks;
    private final FisSweeper sweeper;

    public Cleanup(Rollbacks rollbacks, FisSweeper sweeper) {
        this.rollbacks = rollbacks;
        this.sweeper = sweeper;
    }

    public CleanupReport run(String stack) {
        String current = rollbacks.journal().runId().value();
        JournalContents contents = rollbacks.journal().read();
        RollbackReport replayed = rollbacks.play(e -> e.stack().equals(stack) && !e.runId().equals(current),
                rollbacks.context());
        List<PendingUndo> others = contents.pending().stream().filter(e -> !e.stack().equals(stack)).toList();
        List<String> swept = List.of();
        Optional<String> sweepError = Optional.empty();
        try {
            swept = sweeper.sweep(stack, current);
        } catch (RuntimeException e) {
            sweepError = Optional.of(rollbacks.context().screen().scrub(OneLine.of(Failures.describe(e))));
        }
        return new CleanupReport(stack, replayed, swept, sweepError, others, contents.unreadable());
    }
}
