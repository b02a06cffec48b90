package dev.ovha.twin.state.fis;

/**
 * The reasons FIS gives in {@code state.reason}. Those AWS's documented examples show are AWS's words
 * (initiating, running, completed, stopping, an action's initial state and completion); the others
 * are the twin's wording of documented behaviour, kept here so they are easy to align when the real
 * text is seen.
 */
final class FisReasons {

    static final String INITIATING = "Experiment is initiating.";
    static final String RUNNING = "Experiment is running.";
    static final String COMPLETED = "Experiment completed.";
    static final String STOPPING = "Stopping Experiment.";
    static final String STOPPED = "Experiment stopped.";

    static final String ACTION_INITIAL = "Initial state";
    static final String ACTION_COMPLETED = "Action was completed.";
    static final String ACTION_CANCELLED = "Action was cancelled.";
    static final String ACTION_STOPPING = "Stopping action.";
    static final String ACTION_STOPPED = "Action was stopped.";
    static final String ACTION_SKIPPED_MODE = "Action was skipped: the experiment's actions mode is skip-all.";
    static final String ACTION_SKIPPED_EMPTY = "Action was skipped: its targets resolved to no resources.";

    private FisReasons() {
    }

    static String stopCondition(String alarmArn) {
        return "Experiment stopped by stop condition: alarm " + alarmArn + " is in ALARM state.";
    }

    static String noTargets(String targetName) {
        return "Target resolution failed: no resources were found for target " + targetName + ".";
    }

    static String actionFailed(String actionName, String reason) {
        return "Action " + actionName + " failed: " + reason;
    }
}
