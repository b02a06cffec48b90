package dev.ovha.chaos;

import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateSummary;

/**
 * Deletes the FIS experiment template created by journal entry {@code entry}, found by its {@code ovha:entry}
 * tag because its id is not known when the entry is written.
 */
public record DeleteExperimentTemplates(String entry) implements UndoAction {

    public DeleteExperimentTemplates {
        Objects.requireNonNull(entry, "entry");
    }

    @Override
    public String describe() {
        return "delete the FIS experiment template tagged " + FisTags.ENTRY + "=" + entry;
    }

    @Override
    public String undo(UndoContext context) {
        List<String> ids = FisObjects.templates(context.fis(), tags -> entry.equals(tags.get(FisTags.ENTRY))).stream()
                .map(ExperimentTemplateSummary::id).toList();
        if (ids.isEmpty()) {
            return "no FIS experiment template tagged " + FisTags.ENTRY + "=" + entry + " (never created or deleted)";
        }
        ids.forEach(id -> FisObjects.delete(context.fis(), id));
        return "deleted FIS experiment template " + String.join(", ", ids);
    }
}
