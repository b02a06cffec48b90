package dev.ovha.chaos;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.fis.FisClient;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.Experiment;

/**
 * FIS experiment templates and experiments for {@code @disruptive} scenarios, each journalled before it
 * exists: the template with "delete it", the experiment with "stop it". Both are tagged with the run id,
 * scenario, stack and journal entry ({@link FisTags}) and created with the entry id as client token, so a
 * retried call cannot create a second one and a crashed run's leftovers can be found. In a dry run the
 * experiment runs with {@code actionsMode=skip-all}: FIS resolves the targets and acts on none.
 * Built only for a stack the guard allows {@code @disruptive} changes on.
 */
public final class FisChanges {
    private final ChaosGuard guard;
    private final StackFacts stack;
    private final UndoJournal journal;
    private final FisClient fis;

    /** @throws ChaosRefused when the guard does not allow {@code @disruptive} changes on {@code stack} */
    public FisChanges(ChaosGuard guard, StackFacts stack, UndoJournal journal, FisClient fis) {
        guard.requireDisruptive(stack);
        this.guard = guard;
        this.stack = stack;
        this.journal = journal;
        this.fis = fis;
    }

    /** Creates the template (adding ovha's tags and client token) and returns its id. */
    public String createTemplate(String scenario, CreateExperimentTemplateRequest request) {
        return journal.change(scenario, stack.name(), "create FIS experiment template '" + request.description() + "'",
                DeleteExperimentTemplates::new, entry -> fis.createExperimentTemplate(request.toBuilder()
                        .clientToken(entry.id())
                        .tags(tags(request.tags(), entry))
                        .build()).experimentTemplate().id());
    }

    /** Starts an experiment from the template; in a dry run with {@code actionsMode=skip-all}. */
    public Experiment startExperiment(String scenario, String templateId) {
        String mode = guard.fisActionsMode().toString();
        return journal.change(scenario, stack.name(), "start FIS experiment from template " + templateId
                        + " (actionsMode " + mode + ")",
                StopExperiments::new, entry -> fis.startExperiment(r -> r
                        .experimentTemplateId(templateId)
                        .clientToken(entry.id())
                        .experimentOptions(o -> o.actionsMode(guard.fisActionsMode()))
                        .tags(tags(Map.of(), entry))).experiment());
    }

    private static Map<String, String> tags(Map<String, String> given, PendingUndo entry) {
        Map<String, String> tags = new HashMap<>(given);
        tags.putAll(FisTags.of(entry));
        return tags;
    }
}
