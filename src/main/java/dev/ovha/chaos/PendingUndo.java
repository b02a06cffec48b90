package dev.ovha.chaos;

import java.time.Instant;
import java.util.Objects;

/**
 * A change recorded in the undo journal and not yet undone.
 *
 * @param id       unique id, {@code <run id>#<n>}; also the FIS client token and {@code ovha:entry} tag
 * @param runId    the run that made the change
 * @param scenario the scenario that made it
 * @param stack    the stack it was made on (a cleanup only replays its own stack's entries)
 * @param at       when it was recorded, just before the change
 * @param change   one line saying what was (about to be) changed
 * @param undo     what puts it back
 */
public record PendingUndo(String id, String runId, String scenario, String stack, Instant at, String change,
                          UndoAction undo) {
    public PendingUndo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(undo, "undo");
    }
}
