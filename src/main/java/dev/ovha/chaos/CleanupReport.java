package dev.ovha.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a cleanup did: the journal entries it replayed, the FIS objects it swept, and what it left alone.
 *
 * @param stack       the stack cleaned
 * @param retired     entries not played because the run that made them changed another stack of that name
 * @param replayed    the replay of pending journal entries for the stack
 * @param swept       one line per FIS object stopped or deleted
 * @param sweepError  why the FIS sweep could not complete, if it could not
 * @param otherStacks pending entries for other stacks, left for a cleanup pointed at them
 * @param unreadable  journal lines that could not be read (a torn last line)
 */
public record CleanupReport(String stack, List<String> retired, RollbackReport replayed, List<String> swept, Optional<String> sweepError,
                            List<PendingUndo> otherStacks, List<String> unreadable) {

    public CleanupReport {
        retired = List.copyOf(retired);
        swept = List.copyOf(swept);
        otherStacks = List.copyOf(otherStacks);
        unreadable = List.copyOf(unreadable);
    }

    /** Everything for this stack was undone and swept. */
    public boolean clean() {
        return replayed.clean() && sweepError.isEmpty();
    }

    /** What to print, one line each. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        retired.forEach(r -> lines.add("retired  " + r));
        replayed.outcomes().forEach(o -> lines.add(o.line()));
        swept.forEach(s -> lines.add("swept    " + s));
        sweepError.ifPresent(e -> lines.add("FAILED   FIS sweep: " + e));
        otherStacks.forEach(e -> lines.add("left     " + e.change() + " on stack " + e.stack() + " [" + e.id() + "]"));
        unreadable.forEach(u -> lines.add("skipped  unreadable journal " + u));
        if (retired.isEmpty() && replayed.outcomes().isEmpty() && swept.isEmpty() && sweepError.isEmpty()) {
            lines.add("nothing to undo for stack " + stack);
        }
        return lines;
    }
}
