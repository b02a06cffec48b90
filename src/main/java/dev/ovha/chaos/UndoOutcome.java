package dev.ovha.chaos;

/**
 * What happened when one journal entry was undone.
 *
 * @param entry   the entry
 * @param undone  whether it is now undone (and marked done in the journal)
 * @param message what was done, or why it failed (one line, no secret)
 */
public record UndoOutcome(PendingUndo entry, boolean undone, String message) {

    /** {@code undone   desired capacity of G set back from 3 to 2   [scenario, run#3]}. */
    public String line() {
        return (undone ? "undone   " : "FAILED   ") + message + "   [" + entry.scenario() + ", " + entry.id() + "]";
    }
}
