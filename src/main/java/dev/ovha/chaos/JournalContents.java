package dev.ovha.chaos;

import java.util.List;

/**
 * What the undo journal holds at one moment.
 *
 * @param pending    entries not yet undone, oldest first
 * @param planned    dry-run entries (never replayed)
 * @param done       entries undone
 * @param unreadable lines that are not journal lines (a torn last line after a crash), e.g. {@code line 7}
 */
public record JournalContents(List<PendingUndo> pending, int planned, int done, List<String> unreadable) {
}
