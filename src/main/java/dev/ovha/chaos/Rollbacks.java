package dev.ovha.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Plays undo actions from the journal: newest change first (a template is deleted after the experiment
 * started from it is stopped; a capacity is restored to its value before the first change, not an
 * intermediate one). Each undo runs on its own: a failure is recorded in the journal and reported, and the
 * others still run. Rollbacks run after every scenario, passed or failed ("rollback strategy: always").
 */
public final class Rollbacks {
    private final UndoJournal journal;
    private final UndoContext context;

    public Rollbacks(UndoJournal journal, UndoContext context) {
        this.journal = journal;
        this.context = context;
    }

    /** Undoes every pending change this run made in {@code scenario}. */
    public RollbackReport afterScenario(String scenario) {
        String run = journal.runId().value();
        return play(e -> e.runId().equals(run) && e.scenario().equals(scenario), context);
    }

    /** Undoes every pending change this run made (the kill switch, the end of a run). */
    public RollbackReport allOfThisRun() {
        String run = journal.runId().value();
        return play(e -> e.runId().equals(run), context);
    }

    /** Undoes the pending changes that match, newest first, in {@code context}. */
    public RollbackReport play(Predicate<PendingUndo> which, UndoContext in) {
        List<PendingUndo> entries = new ArrayList<>(journal.pending(which));
        Collections.reverse(entries);
        List<UndoOutcome> outcomes = new ArrayList<>();
        for (PendingUndo entry : entries) {
            outcomes.add(undo(entry, in));
        }
        return new RollbackReport(outcomes);
    }

    public UndoJournal journal() {
        return journal;
    }

    public UndoContext context() {
        return context;
    }

    private UndoOutcome undo(PendingUndo entry, UndoContext in) {
        try {
            String result = in.screen().scrub(entry.undo().undo(in));
            journal.markDone(entry, result);
            return new UndoOutcome(entry, true, result);
        } catch (RuntimeException e) {
            String error = in.screen().scrub(OneLine.of(entry.undo().describe() + " failed: "
                    + Failures.describe(e)));
            try {
                journal.markFailed(entry, error);
            } catch (RuntimeException journalError) {
                error = error + " (and the journal could not record it: " + Failures.describe(journalError) + ")";
            }
            return new UndoOutcome(entry, false, error);
        }
    }
}
