package dev.ovha.chaos;

import java.util.List;

/**
 * An FIS experiment ovha started, as FIS last reported it.
 *
 * @param templateId      the template created for the run
 * @param experimentId    the experiment
 * @param actionsMode     run-all, or skip-all in a dry run
 * @param status          pending, initiating, running, completed, stopping, stopped, failed, cancelled
 * @param reason          FIS's reason for the status
 * @param resolvedTargets what FIS resolved the targets to (instance or subnet ids)
 */
public record ExperimentRun(String templateId, String experimentId, String actionsMode, String status, String reason,
                            List<String> resolvedTargets) {
    public ExperimentRun {
        resolvedTargets = List.copyOf(resolvedTargets);
    }

    /** {@code FIS experiment EXP1 (template EXT1, actionsMode run-all): running, targets [i-0abc]}. */
    public String describe() {
        return "FIS experiment " + experimentId + " (template " + templateId + ", actionsMode " + actionsMode + "): "
                + status + (reason.isEmpty() ? "" : " (" + reason + ")") + ", targets " + resolvedTargets;
    }
}
