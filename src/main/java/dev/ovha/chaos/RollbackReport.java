package dev.ovha.chaos;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of playing rollbacks: one {@link UndoOutcome} per entry, in the order they were played
 * (newest change first).
 */
public record RollbackReport(List<UndoOutcome> outcomes) {

    public RollbackReport {
        outcomes = List.copyOf(outcomes);
    }

    public boolean clean() {
        return outcomes.stream().allMatch(UndoOutcome::undone);
    }

    public List<UndoOutcome> failures() {
        return outcomes.stream().filter(o -> !o.undone()).toList();
    }

    /**
     * Passed when every change was undone; broken (the harness could not restore the stack, which is not
     * the stack's fault but must not go unnoticed) when any undo failed, naming each.
     */
    public ChaosVerdict verdict() {
        if (clean()) {
            return ChaosVerdict.passed();
        }
        return ChaosVerdict.broken("rollback incomplete: " + failures().size() + " of " + outcomes.size()
                + " change(s) not undone (" + failures().stream().map(f -> f.entry().undo().describe() + ": " + f.message())
                .collect(Collectors.joining("; ")) + "); they stay in the undo journal for scripts/cleanup");
    }
}
