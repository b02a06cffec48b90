package dev.ovha.chaos;

/**
 * A change as the journal holds it.
 *
 * @param entry the journal entry
 * @param made  false in a dry run: recorded as planned, not made
 */
public record ChangeRecord(PendingUndo entry, boolean made) {
}
