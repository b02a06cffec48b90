package dev.ovha.twin.state.fis;

import dev.ovha.twin.sim.VirtualClock;
import dev.ovha.twin.state.Instance;
import dev.ovha.twin.state.InstanceListener;
import dev.ovha.twin.state.InstanceState;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code aws:ec2:stop-instances}: EC2 StopInstances on every target instance. Without
 * {@code startInstancesAfterDuration} the action completes once they are stopped; with it, FIS starts
 * them again when the duration (counted from the action's start) is over and completes once they run.
 * An instance that gets terminated meanwhile — Auto Scaling replaces stopped members — fails the action
 * unless {@code completeIfInstancesTerminated} is true, exactly why AWS's AZ scenario sets it for
 * group members. Stopping the experiment starts the instances at once if the action was to restart them.
 */
final class StopInstancesEffect implements ActionEffect, InstanceListener {

    private final ActionContext context;
    private final Optional<Duration> restartAfter;
    private final boolean completeIfTerminated;
    private VirtualClock.Task restart;
    private boolean restarting;

    StopInstancesEffect(ActionContext context) {
        this.context = context;
        var parameters = context.run().spec().parameters();
        String name = context.run().name();
        this.restartAfter = Optional.ofNullable(parameters.get("startInstancesAfterDuration"))
                .map(d -> ActionKind.duration(name, "startInstancesAfterDuration", d));
        this.completeIfTerminated = Optional.ofNullable(parameters.get("completeIfInstancesTerminated"))
                .map(b -> ActionKind.bool(name, "completeIfInstancesTerminated", b)).orElse(false);
    }

    @Override
    public void start() {
        context.world().watch().add(this);
        for (Instance instance : context.instances()) {
            context.world().ec2().stop(instance);
        }
        restartAfter.ifPresent(d -> restart = context.world().sim().after(d, "fis restart " + context.run().name(), () -> {
            restarting = true;
            startStopped();
            check();
        }));
        check();
    }

    @Override
    public void onTransition(Instance instance, InstanceState previous) {
        if (restarting && instance.state() == InstanceState.STOPPED && targets(instance)) {
            context.world().ec2().start(instance);
        }
        if (context.detached()) {
            forgetOnceNoneStopping();
        } else {
            check();
        }
    }

    private void check() {
        if (context.detached()) {
            return;
        }
        List<Instance> instances = context.instances();
        Optional<Instance> terminated = instances.stream()
                .filter(i -> i.state() == InstanceState.SHUTTING_DOWN || i.state() == InstanceState.TERMINATED).findFirst();
        if (terminated.isPresent() && !completeIfTerminated) {
            finish();
            context.fail("instance " + terminated.get().id() + " was terminated while the action ran"
                    + " (set completeIfInstancesTerminated to true for Auto Scaling group members)");
            return;
        }
        List<Instance> alive = instances.stream()
                .filter(i -> i.state() != InstanceState.SHUTTING_DOWN && i.state() != InstanceState.TERMINATED).toList();
        InstanceState goal = restartAfter.isPresent() ? InstanceState.RUNNING : InstanceState.STOPPED;
        boolean due = restartAfter.isEmpty() || restarting;
        if (due && alive.stream().allMatch(i -> i.state() == goal)) {
            finish();
            context.complete();
        }
    }

    @Override
    public void stop() {
        if (restart != null) {
            restart.cancel();
        }
        if (restartAfter.isPresent()) {
            // Keep watching only to start the instances still on their way to stopped.
            restarting = true;
            startStopped();
            forgetOnceNoneStopping();
        } else {
            context.world().watch().remove(this);
        }
    }

    private void forgetOnceNoneStopping() {
        if (context.instances().stream().noneMatch(i -> i.state() == InstanceState.STOPPING)) {
            context.world().watch().remove(this);
        }
    }

    private void startStopped() {
        for (Instance instance : context.instances()) {
            if (instance.state() == InstanceState.STOPPED) {
                context.world().ec2().start(instance);
            }
        }
    }

    private boolean targets(Instance instance) {
        return context.targets().stream().anyMatch(t -> t.resourceId().equals(instance.id()));
    }

    private void finish() {
        if (restart != null && !restarting) {
            restart.cancel();
        }
        context.world().watch().remove(this);
    }
}
