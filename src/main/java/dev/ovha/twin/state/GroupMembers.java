package dev.ovha.twin.state;

import dev.ovha.twin.sim.Sim;

import java.util.List;
import java.util.Optional;

/**
 * What happens to one member of an Auto Scaling group between launch and termination: the lifecycle
 * hooks' Wait states (and the lifecycle actions they emit), registration with the target groups when
 * it goes InService, draining before termination, and the scaling activity that records it all.
 */
final class GroupMembers {

    private final Sim sim;
    private final Ec2State ec2;
    private final ElbState elb;
    private final SimpleScaling simpleScaling;
    private final List<LifecycleActionListener> lifecycleListeners;

    GroupMembers(Sim sim, Ec2State ec2, ElbState elb, SimpleScaling simpleScaling, List<LifecycleActionListener> lifecycleListeners) {
        this.sim = sim;
        this.ec2 = ec2;
        this.elb = elb;
        this.simpleScaling = simpleScaling;
        this.lifecycleListeners = lifecycleListeners;
    }

    /** The member's instance runs: through the launching hook's wait, if any, into service. */
    void running(AutoScalingGroup group, GroupInstance member) {
        Optional<LifecycleHook> hook = group.hook(LifecycleHook.LAUNCHING);
        if (hook.isPresent()) {
            moveTo(group, member, LifecycleState.PENDING_WAIT);
            member.activity().progress("MidLifecycleAction", 30);
            lifecycleAction(group, member, hook.get());
            sim.after(hook.get().heartbeatTimeout(), "launch hook " + member.instanceId(), () -> {
                if (member.lifecycleState() == LifecycleState.PENDING_WAIT) {
                    moveTo(group, member, LifecycleState.PENDING_PROCEED);
                    enterService(group, member);
                }
            });
        } else {
            enterService(group, member);
        }
    }

    void enterService(AutoScalingGroup group, GroupInstance member) {
        moveTo(group, member, LifecycleState.IN_SERVICE);
        member.activity().finish(sim.now());
        simpleScaling.settled(group, member.instanceId(), sim.now());
        group.targetGroupArns().forEach(tg -> elb.register(tg, member.instanceId(), member.availabilityZone()));
    }

    ScalingActivity beginTermination(AutoScalingGroup group, GroupInstance member, String cause) {
        Instance instance = ec2.instance(member.instanceId()).orElse(null);
        ScalingActivity activity = activity(group, "Terminating EC2 instance: " + member.instanceId(), cause, instance);
        member.setActivity(activity);
        moveTo(group, member, LifecycleState.TERMINATING);
        sim.log().record("asg.terminate", member.instanceId(), "group", group.name());
        if (group.targetGroupArns().isEmpty()) {
            afterDraining(group, member);
        } else {
            activity.progress("WaitingForELBConnectionDraining", 50);
            int[] remaining = {group.targetGroupArns().size()};
            for (String tg : group.targetGroupArns()) {
                elb.deregister(tg, member.instanceId(), () -> {
                    if (--remaining[0] == 0) {
                        afterDraining(group, member);
                    }
                });
            }
        }
        return activity;
    }

    private void afterDraining(AutoScalingGroup group, GroupInstance member) {
        Optional<LifecycleHook> hook = group.hook(LifecycleHook.TERMINATING);
        if (hook.isPresent()) {
            moveTo(group, member, LifecycleState.TERMINATING_WAIT);
            member.activity().progress("MidLifecycleAction", 60);
            lifecycleAction(group, member, hook.get());
            sim.after(hook.get().heartbeatTimeout(), "terminate hook " + member.instanceId(), () -> {
                moveTo(group, member, LifecycleState.TERMINATING_PROCEED);
                terminateInstance(group, member);
            });
        } else {
            terminateInstance(group, member);
        }
    }

    private void terminateInstance(AutoScalingGroup group, GroupInstance member) {
        member.markTerminationRequested();
        Instance instance = ec2.instance(member.instanceId()).orElse(null);
        if (instance == null || instance.state() == InstanceState.TERMINATED) {
            finishTermination(group, member);
        } else {
            ec2.terminate(instance, "User initiated");
        }
    }

    /**
     * Only after draining and the hook: an instance that dies while still draining is finished by the
     * draining flow, which then finds it already terminated.
     */
    void finishTermination(AutoScalingGroup group, GroupInstance member) {
        if (member.lifecycleState() == LifecycleState.TERMINATED) {
            return;
        }
        moveTo(group, member, LifecycleState.TERMINATED);
        member.activity().finish(sim.now());
        simpleScaling.settled(group, member.instanceId(), sim.now());
        group.remove(member.instanceId());
    }

    private void lifecycleAction(AutoScalingGroup group, GroupInstance member, LifecycleHook hook) {
        for (LifecycleActionListener listener : List.copyOf(lifecycleListeners)) {
            listener.onLifecycleAction(group, member, hook);
        }
    }

    private void moveTo(AutoScalingGroup group, GroupInstance member, LifecycleState next) {
        member.setLifecycleState(next);
        sim.log().record("asg.lifecycle", member.instanceId(), "group", group.name(), "state", next.apiName());
    }

    ScalingActivity activity(AutoScalingGroup group, String description, String cause, Instance instance) {
        String details = instance == null ? "{}" : "{\"Subnet ID\":\"" + instance.subnet().id()
                + "\",\"Availability Zone\":\"" + instance.availabilityZone() + "\"}";
        ScalingActivity activity = new ScalingActivity(sim.ids().uuid(), group.name(), group.arn(), description, cause,
                sim.now(), details);
        group.record(activity);
        return activity;
    }
}
