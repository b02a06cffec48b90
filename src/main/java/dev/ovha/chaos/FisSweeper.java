package dev.ovha.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.fis.model.ExperimentSummary;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateSummary;

/**
 * The second safety net after the journal (which may be lost with a CI workspace): finds FIS experiments and
 * templates that ovha created for this stack in other runs, stops the running experiments and deletes the
 * templates. Objects without ovha's tags, or for another stack, are never touched; neither are the current
 * run's, which its own rollbacks handle.
 */
public final class FisSweeper {
    private final UndoContext context;

    public FisSweeper(UndoContext context) {
        this.context = context;
    }

    /**
     * Sweeps what runs other than {@code currentRun} left on {@code stack}.
     *
     * @return one line per object handled; empty when nothing was left
     */
    public List<String> sweep(String stack, String currentRun) {
        Predicate<Map<String, String>> leftover = tags -> tags.containsKey(FisTags.RUN_ID)
                && stack.equals(tags.get(FisTags.STACK)) && !tags.get(FisTags.RUN_ID).equals(currentRun);
        List<String> lines = new ArrayList<>();
        List<ExperimentSummary> running = FisObjects.experiments(context.fis(), leftover).stream()
                .filter(e -> !FisObjects.terminal(e.state().status())).toList();
        for (ExperimentSummary experiment : running) {
            FisObjects.stop(context.fis(), experiment.id());
        }
        for (ExperimentSummary experiment : running) {
            FisObjects.awaitEnd(context, experiment.id());
            lines.add("stopped FIS experiment " + experiment.id() + " left by run " + experiment.tags().get(FisTags.RUN_ID));
        }
        for (ExperimentTemplateSummary template : FisObjects.templates(context.fis(), leftover)) {
            FisObjects.delete(context.fis(), template.id());
            lines.add("deleted FIS experiment template " + template.id() + " left by run "
                    + template.tags().get(FisTags.RUN_ID));
        }
        return lines;
    }
}
