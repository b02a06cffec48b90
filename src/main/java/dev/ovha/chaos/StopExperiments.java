package dev.ovha.chaos;

import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.fis.model.ExperimentSummary;

/**
 * Stops the FIS experiment started by journal entry {@code entry} and waits until it has ended. The entry is
 * written before StartExperiment, when the experiment's id is not known yet, so the experiment is found by
 * its {@code ovha:entry} tag (and started with the entry id as client token, so a retried start cannot
 * start a second one).
 */
public record StopExperiments(String entry) implements UndoAction {

    public StopExperiments {
        Objects.requireNonNull(entry, "entry");
    }

    @Override
    public String describe() {
        return "stop the FIS experiment tagged " + FisTags.ENTRY + "=" + entry;
    }

    @Override
    public String undo(UndoContext context) {
        List<ExperimentSummary> found = FisObjects.experiments(context.fis(), tags -> entry.equals(tags.get(FisTags.ENTRY)));
        List<String> running = found.stream().filter(e -> !FisObjects.terminal(e.state().status()))
                .map(ExperimentSummary::id).toList();
        if (running.isEmpty()) {
            return found.isEmpty() ? "no FIS experiment tagged " + FisTags.ENTRY + "=" + entry + " (never started)"
                    : "FIS experiment " + found.get(0).id() + " already ended (" + found.get(0).state().status() + ")";
        }
        running.forEach(id -> FisObjects.stop(context.fis(), id));
        running.forEach(id -> FisObjects.awaitEnd(context, id));
        return "stopped FIS experiment " + String.join(", ", running);
    }
}
