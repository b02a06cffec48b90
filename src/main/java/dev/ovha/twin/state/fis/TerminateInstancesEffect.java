package dev.ovha.twin.state.fis;

import dev.ovha.twin.state.Instance;
import dev.ovha.twin.state.InstanceListener;
import dev.ovha.twin.state.InstanceState;

/**
 * {@code aws:ec2:terminate-instances}: EC2 TerminateInstances on every target instance, complete once
 * all of them are terminated. Nothing to undo. Auto Scaling notices and replaces group members, as it
 * would on AWS.
 */
final class TerminateInstancesEffect implements ActionEffect, InstanceListener {

    private final ActionContext context;

    TerminateInstancesEffect(ActionContext context) {
        this.context = context;
    }

    @Override
    public void start() {
        context.world().watch().add(this);
        for (Instance instance : context.instances()) {
            context.world().ec2().terminate(instance, "User initiated");
        }
        check();
    }

    @Override
    public void onTransition(Instance instance, InstanceState previous) {
        check();
    }

    private void check() {
        if (context.instances().stream().allMatch(i -> i.state() == InstanceState.TERMINATED)) {
            context.world().watch().remove(this);
            context.complete();
        }
    }

    @Override
    public void stop() {
        context.world().watch().remove(this);
    }
}
