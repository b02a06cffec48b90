package dev.ovha.twin.state.fis;

import dev.ovha.twin.sim.Sim;
import dev.ovha.twin.sim.VirtualClock;
import dev.ovha.twin.state.cloudwatch.MetricAlarm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves one experiment through FIS's lifecycle. {@code initiating}: after {@code fisInitiation} the
 * targets are resolved, once (a target that resolves to nothing fails the experiment, or with
 * {@code emptyTargetResolutionMode=skip} skips the actions that use it). {@code running}: actions
 * without {@code startAfter} start at once, the others when everything they wait for has completed;
 * with {@code actionsMode=skip-all} every action is skipped instead. The experiment completes when
 * every action has; a failed action fails it. A stop-condition alarm in ALARM (at the start, or at
 * any evaluation while it runs) or StopExperiment stops it: {@code stopping}, running actions undo
 * what they can, pending ones are cancelled, and {@code fisStopping} later it is {@code stopped}.
 */
final class ExperimentRunner {

    private final Experiment experiment;
    private final FisWorld world;
    private final TargetResolver resolver;
    private final Map<String, ActionEffect> running = new LinkedHashMap<>();
    private final Map<String, ActionContext> contexts = new LinkedHashMap<>();
    private VirtualClock.Task initiation;

    ExperimentRunner(Experiment experiment, FisWorld world, TargetResolver resolver) {
        this.experiment = experiment;
        this.world = world;
        this.resolver = resolver;
    }

    Experiment experiment() {
        return experiment;
    }

    void start() {
        record();
        initiation = sim().after(sim().timings().fisInitiation(), "fis initiate " + experiment.id(), this::begin);
    }

    /** StopExperiment: the experiment stops with FIS's user-stop reasons. */
    void stop() {
        halt(FisReasons.STOPPING, FisReasons.STOPPED);
    }

    /** Every alarm evaluation: a stop-condition alarm in ALARM stops a running experiment. */
    void onAlarm(MetricAlarm alarm) {
        if (experiment.status() == ExperimentStatus.RUNNING && alarm.stateValue().equals(MetricAlarm.ALARM)
                && watches(alarm.arn())) {
            String reason = FisReasons.stopCondition(alarm.arn());
            halt(reason, reason);
        }
    }

    private void begin() {
        if (experiment.status() != ExperimentStatus.INITIATING) {
            return;
        }
        List<ResolvedTarget> resolved = new ArrayList<>();
        for (Map.Entry<String, TargetSpec> target : experiment.definition().targets().entrySet()) {
            List<ResolvedTarget> found = resolver.resolve(target.getKey(), target.getValue());
            if (found.isEmpty() && !"skip".equals(experiment.definition().emptyTargetResolutionMode())) {
                experiment.setResolved(resolved);
                cancelPending();
                experiment.end(ExperimentStatus.FAILED, FisReasons.noTargets(target.getKey()), sim().now());
                record();
                return;
            }
            resolved.addAll(found);
        }
        experiment.setResolved(resolved);
        experiment.set(ExperimentStatus.RUNNING, FisReasons.RUNNING);
        record();
        Optional<String> alarmNow = experiment.definition().stopConditions().stream().filter(StopCondition::isAlarm)
                .map(StopCondition::value).filter(arn -> world.alarmInAlarm().test(arn)).findFirst();
        if (alarmNow.isPresent()) {
            String reason = FisReasons.stopCondition(alarmNow.get());
            halt(reason, reason);
            return;
        }
        if (Experiment.SKIP_ALL.equals(experiment.actionsMode())) {
            experiment.actions().values().forEach(run -> setAction(run, ActionStatus.SKIPPED, FisReasons.ACTION_SKIPPED_MODE));
        }
        launchReady();
    }

    /** Starts every pending action whose predecessors are done; completes the experiment when nothing is left. */
    private void launchReady() {
        boolean progress = true;
        while (progress && experiment.status() == ExperimentStatus.RUNNING) {
            progress = false;
            for (ActionRun run : experiment.actions().values()) {
                if (run.status() == ActionStatus.PENDING && predecessorsDone(run)) {
                    startAction(run);
                    progress = true;
                }
            }
        }
        if (experiment.status() == ExperimentStatus.RUNNING
                && experiment.actions().values().stream().allMatch(a -> a.status().isTerminal())) {
            experiment.end(ExperimentStatus.COMPLETED, FisReasons.COMPLETED, sim().now());
            record();
        }
    }

    private boolean predecessorsDone(ActionRun run) {
        return run.spec().startAfter().stream().map(experiment.actions()::get)
                .allMatch(before -> before.status() == ActionStatus.COMPLETED || before.status() == ActionStatus.SKIPPED);
    }

    private void startAction(ActionRun run) {
        ActionKind kind = ActionKind.of(run.spec().actionId());
        List<ResolvedTarget> targets = experiment.resolvedTargets().stream()
                .filter(t -> run.spec().targets().containsValue(t.targetName())).toList();
        if (kind.targetKey().isPresent() && targets.isEmpty()) {
            setAction(run, ActionStatus.SKIPPED, FisReasons.ACTION_SKIPPED_EMPTY);
            return;
        }
        run.start(sim().now());
        recordAction(run);
        ActionContext context = new ActionContext(world, experiment, run, targets,
                () -> actionCompleted(run), reason -> actionFailed(run, reason));
        ActionEffect effect = switch (kind) {
            case TERMINATE_INSTANCES -> new TerminateInstancesEffect(context);
            case STOP_INSTANCES -> new StopInstancesEffect(context);
            case DISRUPT_CONNECTIVITY -> new DisruptConnectivityEffect(context);
            case SEND_COMMAND -> new CpuStressEffect(context);
            case WAIT -> new WaitEffect(context);
        };
        running.put(run.name(), effect);
        contexts.put(run.name(), context);
        effect.start();
    }

    private void actionCompleted(ActionRun run) {
        running.remove(run.name());
        contexts.remove(run.name());
        run.end(ActionStatus.COMPLETED, FisReasons.ACTION_COMPLETED, sim().now());
        recordAction(run);
        launchReady();
    }

    /** A failed action fails the experiment: the other running actions are stopped, the pending ones cancelled. */
    private void actionFailed(ActionRun run, String reason) {
        running.remove(run.name());
        contexts.remove(run.name());
        run.end(ActionStatus.FAILED, reason, sim().now());
        recordAction(run);
        stopRunningActions();
        running.keySet().forEach(name -> {
            ActionRun other = experiment.actions().get(name);
            other.end(ActionStatus.STOPPED, FisReasons.ACTION_STOPPED, sim().now());
            recordAction(other);
        });
        running.clear();
        cancelPending();
        experiment.end(ExperimentStatus.FAILED, FisReasons.actionFailed(run.name(), reason), sim().now());
        record();
    }

    private void halt(String stoppingReason, String stoppedReason) {
        if (experiment.status().isTerminal() || experiment.status() == ExperimentStatus.STOPPING) {
            return;
        }
        if (initiation != null) {
            initiation.cancel();
        }
        experiment.set(ExperimentStatus.STOPPING, stoppingReason);
        record();
        stopRunningActions();
        running.keySet().forEach(name -> setAction(experiment.actions().get(name), ActionStatus.STOPPING, FisReasons.ACTION_STOPPING));
        cancelPending();
        sim().after(sim().timings().fisStopping(), "fis stopped " + experiment.id(), () -> {
            running.keySet().forEach(name -> {
                ActionRun run = experiment.actions().get(name);
                run.end(ActionStatus.STOPPED, FisReasons.ACTION_STOPPED, sim().now());
                recordAction(run);
            });
            running.clear();
            experiment.end(ExperimentStatus.STOPPED, stoppedReason, sim().now());
            record();
        });
    }

    private void stopRunningActions() {
        contexts.values().forEach(ActionContext::detach);
        contexts.clear();
        running.values().forEach(ActionEffect::stop);
    }

    private void cancelPending() {
        experiment.actions().values().stream().filter(a -> a.status() == ActionStatus.PENDING)
                .forEach(a -> setAction(a, ActionStatus.CANCELLED, FisReasons.ACTION_CANCELLED));
    }

    private boolean watches(String alarmArn) {
        return experiment.definition().stopConditions().stream().anyMatch(c -> c.isAlarm() && alarmArn.equals(c.value()));
    }

    private void setAction(ActionRun run, ActionStatus status, String reason) {
        run.set(status, reason);
        recordAction(run);
    }

    private void record() {
        sim().log().record("fis.experiment", experiment.id(), "status", experiment.status().apiName(),
                "reason", experiment.reason(), "template", experiment.templateId());
    }

    private void recordAction(ActionRun run) {
        sim().log().record("fis.action", experiment.id() + "/" + run.name(), "status", run.status().apiName(),
                "actionId", run.spec().actionId(), "reason", run.reason());
    }

    private Sim sim() {
        return world.sim();
    }
}
