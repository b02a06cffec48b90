package dev.ovha.twin.state.fis;

import dev.ovha.twin.state.Instance;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One running action's view of its experiment: the world, the resources its targets resolved to, and
 * the two ways to report back. Only the first report counts, and none after the experiment stopped it.
 */
final class ActionContext {

    private final FisWorld world;
    private final Experiment experiment;
    private final ActionRun run;
    private final List<ResolvedTarget> targets;
    private final Runnable onComplete;
    private final Consumer<String> onFail;
    private boolean reported;

    ActionContext(FisWorld world, Experiment experiment, ActionRun run, List<ResolvedTarget> targets,
                  Runnable onComplete, Consumer<String> onFail) {
        this.world = world;
        this.experiment = experiment;
        this.run = run;
        this.targets = List.copyOf(targets);
        this.onComplete = onComplete;
        this.onFail = onFail;
    }

    FisWorld world() {
        return world;
    }

    Experiment experiment() {
        return experiment;
    }

    ActionRun run() {
        return run;
    }

    List<ResolvedTarget> targets() {
        return targets;
    }

    /** The target instances that still exist (EC2 forgets a terminated instance after an hour). */
    List<Instance> instances() {
        return targets.stream().map(t -> world.ec2().instance(t.resourceId())).flatMap(Optional::stream).toList();
    }

    void complete() {
        if (!reported) {
            reported = true;
            onComplete.run();
        }
    }

    void fail(String reason) {
        if (!reported) {
            reported = true;
            onFail.accept(reason);
        }
    }

    /** The experiment took the action back: later reports are ignored. */
    void detach() {
        reported = true;
    }

    boolean detached() {
        return reported;
    }
}
