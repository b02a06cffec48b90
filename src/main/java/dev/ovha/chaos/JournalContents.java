package dev.ovha.chaos;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the undo journal holds at one moment.
 *
 * @param pending    entries not yet undone, oldest first
 * @param planned    dry-run entries (never replayed)
 * @param done       entries undone
 * @param unreadable lines that are not journal lines (a torn last line after a crash), e.g. {@code line 7}
 * @param stackIds   per run, the CloudFormation id of the stack it changed, for runs that wrote it
 */
public record JournalContents(List<PendingUndo> pending, int planned, int done, List<String> unreadable,
                              Map<String, String> stackIds) {
    public JournalContents {
        stackIds = Map.copyOf(stackIds);
    }

    /** The id of the stack {@code runId} changed, if the run wrote it. */
    public Optional<String> stackIdOf(String runId) {
        return Optional.ofNullable(stackIds.get(runId));
    }
}
