package dev.ovha.chaos;

import dev.ovha.config.Timeouts;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.fis.FisClient;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.Experiment;
import software.amazon.awssdk.services.fis.model.ExperimentStatus;
import software.amazon.awssdk.services.fis.model.ResolvedTarget;

/**
 * Runs one FIS experiment for a scenario: the template is created for the run and the experiment started
 * from it (both journalled by {@link FisChanges} before they exist), then followed until FIS has resolved
 * its targets, which the report names (in a dry run, {@code skip-all}, that is all FIS does).
 */
public final class FisExperiments {
    /** Statuses in which FIS has not resolved the targets yet. */
    private static final Set<ExperimentStatus> BEFORE_TARGETS = Set.of(ExperimentStatus.PENDING,
            ExperimentStatus.INITIATING);

    private final FisChanges changes;
    private final FisClient fis;
    private final ChaosGuard guard;
    private final Timeouts waits;
    private final StopFlag stop;

    public FisExperiments(FisChanges changes, FisClient fis, ChaosGuard guard, Timeouts waits, StopFlag stop) {
        this.changes = changes;
        this.fis = fis;
        this.guard = guard;
        this.waits = waits;
        this.stop = stop;
    }

    /** Creates the template, starts the experiment and waits until its targets are resolved. */
    public ExperimentRun start(String scenario, CreateExperimentTemplateRequest template) {
        String templateId = changes.createTemplate(scenario, template);
        Experiment started = changes.startExperiment(scenario, templateId);
        Experiment resolved = ChaosWait.until("FIS experiment " + started.id() + " resolved its targets", waits, stop,
                () -> fis.getExperiment(r -> r.id(started.id())).experiment(),
                e -> !BEFORE_TARGETS.contains(e.state().status()), e -> String.valueOf(e.state().status()));
        return view(templateId, resolved);
    }

    /** Waits until the experiment has ended (completed, stopped, failed, cancelled). */
    public ExperimentRun awaitEnd(ExperimentRun run, Duration within) {
        Experiment ended = ChaosWait.until("FIS experiment " + run.experimentId() + " ended", new Timeouts(within, waits.pollInterval()), stop,
                () -> fis.getExperiment(r -> r.id(run.experimentId())).experiment(),
                e -> FisObjects.terminal(e.state().status()), e -> String.valueOf(e.state().status()));
        return view(run.templateId(), ended);
    }

    private ExperimentRun view(String templateId, Experiment experiment) {
        List<String> targets = fis.listExperimentResolvedTargetsPaginator(r -> r.experimentId(experiment.id()))
                .resolvedTargets().stream().map(FisExperiments::resourceId).toList();
        return new ExperimentRun(templateId, experiment.id(), guard.fisActionsMode().toString(),
                String.valueOf(experiment.state().status()),
                experiment.state().reason() == null ? "" : experiment.state().reason(), targets);
    }

    /** {@code arn:aws:ec2:us-east-1:123456789012:instance/i-0abc} → {@code i-0abc}. */
    private static String resourceId(ResolvedTarget target) {
        String arn = target.targetInformation().getOrDefault("identifier", "");
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? arn : arn.substring(slash + 1);
    }
}
