package dev.ovha.chaos;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.fis.FisClient;
import software.amazon.awssdk.services.fis.model.ExperimentStatus;
import software.amazon.awssdk.services.fis.model.ExperimentSummary;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateSummary;
import software.amazon.awssdk.services.fis.model.ResourceNotFoundException;

/**
 * Finding, stopping and deleting FIS objects by their tags, shared by the undo actions and the sweeper.
 * FIS cannot filter by tag, so every listing is read in full (through the SDK's paginators) and filtered
 * here.
 */
final class FisObjects {
    private static final Set<ExperimentStatus> TERMINAL = Set.of(ExperimentStatus.COMPLETED, ExperimentStatus.STOPPED,
            ExperimentStatus.FAILED, ExperimentStatus.CANCELLED);

    private FisObjects() {
    }

    /** Completed, stopped, failed or cancelled. A status this SDK does not know is not terminal: keep looking. */
    static boolean terminal(ExperimentStatus status) {
        return TERMINAL.contains(status);
    }

    static List<ExperimentSummary> experiments(FisClient fis, Predicate<Map<String, String>> tags) {
        return fis.listExperimentsPaginator(r -> r.maxResults(100)).experiments().stream()
                .filter(e -> tags.test(e.tags())).toList();
    }

    static List<ExperimentTemplateSummary> templates(FisClient fis, Predicate<Map<String, String>> tags) {
        return fis.listExperimentTemplatesPaginator(r -> r.maxResults(100)).experimentTemplates().stream()
                .filter(t -> tags.test(t.tags())).toList();
    }

    /** Stops a running experiment; one that ended or vanished meanwhile needs nothing. */
    static void stop(FisClient fis, String experimentId) {
        try {
            ExperimentStatus status = fis.getExperiment(r -> r.id(experimentId)).experiment().state().status();
            if (!terminal(status) && status != ExperimentStatus.STOPPING) {
                fis.stopExperiment(r -> r.id(experimentId));
            }
        } catch (ResourceNotFoundException e) {
            // Gone already: nothing is running.
        }
    }

    /** Waits until the experiment has ended, so that "stopped" means no action of it still runs. */
    static ExperimentStatus awaitEnd(UndoContext context, String experimentId) {
        return ChaosWait.until("FIS experiment " + experimentId + " ended", context.waits(), context.stop(),
                () -> statusOf(context.fis(), experimentId), FisObjects::terminal, ExperimentStatus::toString);
    }

    static void delete(FisClient fis, String templateId) {
        try {
            fis.deleteExperimentTemplate(r -> r.id(templateId));
        } catch (ResourceNotFoundException e) {
            // Deleted already.
        }
    }

    private static ExperimentStatus statusOf(FisClient fis, String experimentId) {
        try {
            return fis.getExperiment(r -> r.id(experimentId)).experiment().state().status();
        } catch (ResourceNotFoundException e) {
            return ExperimentStatus.STOPPED;
        }
    }
}
