package dev.ovha.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a stack back after runs that could not (kill -9, a lost CI runner): replays every pending journal entry
 * for the stack from other runs, newest first, then sweeps FIS objects other runs left ({@link FisSweeper}).
 * Run at the start of every run and by {@code scripts/cleanup}.
 *
 * <p>Entries of a run that recorded another stack under the same name (deleted since, and perhaps created
 * again) are not played: their groups and objects are gone, so their undos could only fail, and fail at every
 * later start, refusing every change. They are marked done, and the report lists them as retired.
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
        List<String> retired = retireEntriesOfEarlierStacks(stack, current, contents);
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
        return new CleanupReport(stack, retired, replayed, swept, sweepError, others, contents.unreadable());
    }

    private List<String> retireEntriesOfEarlierStacks(String stack, String current, JournalContents contents) {
        List<PendingUndo> recorded = contents.pending().stream()
                .filter(e -> e.stack().equals(stack) && !e.runId().equals(current))
                .filter(e -> contents.stackIdOf(e.runId()).isPresent()).toList();
        if (recorded.isEmpty()) {
            return List.of();
        }
        Optional<Optional<String>> now = StackIdentity.of(rollbacks.context().aws(), stack);
        if (now.isEmpty()) {
            return List.of(); // CloudFormation did not say: play them as before, rather than drop a change
        }
        List<String> retired = new ArrayList<>();
        for (PendingUndo entry : recorded) {
            String then = contents.stackIdOf(entry.runId()).orElseThrow();
            if (!now.get().equals(Optional.of(then))) {
                String why = "made on stack " + then + ", which " + now.get().map(id -> "was replaced by " + id)
                        .orElse("no longer exists");
                rollbacks.journal().markDone(entry, "not played: " + why);
                retired.add(entry.change() + " [" + entry.scenario() + ", " + entry.id() + "]: " + why);
            }
        }
        return retired;
    }
}
