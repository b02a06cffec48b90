package dev.ovha.chaos;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One line of {@code undo-journal.jsonl}, one JSON object per line:
 * <pre>
 * {"type":"pending","id":"ovha-20260105T090000Z-3f2a9c#1","runId":"ovha-20260105T090000Z-3f2a9c",
 *  "scenario":"Launch and terminate events reach the masters","stack":"ovha-twin","at":"2026-01-05T09:00:03.120Z",
 *  "change":"set desired capacity of ovha-twin-ASGMediaNode from 2 to 3",
 *  "undo":{"kind":"restore-capacity","group":"ovha-twin-ASGMediaNode","desired":2}}
 * {"type":"done","id":"ovha-20260105T090000Z-3f2a9c#1","runId":"…","at":"…","result":"desired capacity … set back from 3 to 2"}
 * </pre>
 * Types: {@code pending} (written before the change), {@code done} (after its undo), {@code undo-failed}
 * (an undo attempt failed; the entry stays pending), {@code planned} (dry run: recorded, never made), and
 * {@code stack} (once per run, before its first change: the stack's name and CloudFormation id, so that a later
 * cleanup can tell a stack deleted and created again under the same name from the one the run changed).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JournalLine(String type, String id, String runId, String scenario, String stack, Instant at, String change,
                   UndoAction undo, String result, String error, String stackId) {
    static final String PENDING = "pending";
    static final String PLANNED = "planned";
    static final String DONE = "done";
    static final String UNDO_FAILED = "undo-failed";
    static final String STACK = "stack";

    static JournalLine pending(PendingUndo entry) {
        return new JournalLine(PENDING, entry.id(), entry.runId(), entry.scenario(), entry.stack(), entry.at(),
                entry.change(), entry.undo(), null, null, null);
    }

    static JournalLine planned(PendingUndo entry) {
        return new JournalLine(PLANNED, entry.id(), entry.runId(), entry.scenario(), entry.stack(), entry.at(),
                entry.change(), entry.undo(), null, null, null);
    }

    /** The stack a run changes: its id is the run's id, so that the line reads like the others. */
    static JournalLine stack(String runId, String stack, String stackId, Instant at) {
        return new JournalLine(STACK, runId, runId, null, stack, at, null, null, null, null, stackId);
    }

    static JournalLine done(PendingUndo entry, Instant at, String result) {
        return new JournalLine(DONE, entry.id(), entry.runId(), null, null, at, null, null, result, null, null);
    }

    static JournalLine failed(PendingUndo entry, Instant at, String error) {
        return new JournalLine(UNDO_FAILED, entry.id(), entry.runId(), null, null, at, null, null, null, error, null);
    }

    PendingUndo entry() {
        return new PendingUndo(id, runId, scenario, stack, at, change, undo);
    }
}
