package dev.ovha.steps;

import dev.ovha.chaos.ChangeRecord;
import dev.ovha.chaos.ChaosRun;
import dev.ovha.chaos.FisChanges;
import dev.ovha.chaos.StackChanges;
import dev.ovha.chaos.StopFlag;
import dev.ovha.chaos.UndoOutcome;
import dev.ovha.target.Targets;

/**
 * The chaos layer as one scenario sees it (picocontainer builds one per scenario): the journalled changes,
 * each recorded under this scenario's name so that its rollbacks find them, the run's stop flag, and an undo
 * played early. Every change a {@code @mutating} or {@code @disruptive} step makes goes through here.
 */
public final class ChaosScenario {
    private final ChaosRun run;
    private String name = "";

    public ChaosScenario() {
        this.run = Targets.current().chaos();
    }

    void begin(String scenarioName) {
        this.name = scenarioName;
    }

    /** The scenario's name, as the journal records it. */
    public String name() {
        return name;
    }

    public ChaosRun run() {
        return run;
    }

    /** Capacity, {@code .env} and {@code /restart} changes, journalled before they are made. */
    public StackChanges stackChanges() {
        return run.stackChanges();
    }

    /** FIS templates and experiments, journalled before they exist. */
    public FisChanges fisChanges() {
        return run.fisChanges();
    }

    /** Raised by Ctrl-C or SIGTERM: a long fault stops at once and lets the rollbacks play. */
    public StopFlag stop() {
        return run.stop();
    }

    /**
     * Undoes one of this scenario's changes now, for a scenario that observes how the stack takes the undo;
     * a failed undo is a broken scenario (it stays in the journal for the rollbacks after the scenario).
     */
    public UndoOutcome undoNow(ChangeRecord change) {
        UndoOutcome outcome = run.undoNow(change);
        if (!outcome.undone()) {
            throw new IllegalStateException(outcome.message());
        }
        return outcome;
    }
}
