package dev.ovha.chaos;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;

/**
 * Takes a group back to the members it had before a change that made it grow by itself (a CPU stress that
 * fires the scale-up alarm): every member not in {@code before} is terminated with
 * TerminateInstanceInAutoScalingGroup, decrementing the desired capacity, and the desired capacity is set
 * back. The media group protects new members from scale-in, so lowering the desired capacity alone would
 * leave them running; on a live stack the replication-manager would drain them first, which a rollback
 * cannot wait for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemoveAddedInstances(String group, List<String> before, int desired) implements UndoAction {

    public RemoveAddedInstances {
        Objects.requireNonNull(group, "group");
        before = List.copyOf(before);
    }

    @Override
    public String describe() {
        return "terminate the members of " + group + " added after " + before + " and set its desired capacity back to "
                + desired;
    }

    @Override
    public String undo(UndoContext context) {
        AutoScalingGroup current = context.aws().autoScaling()
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames(group)).autoScalingGroups().stream()
                .findFirst().orElseThrow(() -> new IllegalStateException("Auto Scaling group " + group + " not found"));
        List<String> added = current.instances().stream().map(Instance::instanceId).filter(id -> !before.contains(id))
                .filter(id -> current.instances().stream().anyMatch(i -> i.instanceId().equals(id)
                        && !i.lifecycleStateAsString().startsWith("Terminat")))
                .toList();
        // Each termination below lowers the desired capacity by one, which Auto Scaling refuses under MinSize: the
        // low-CPU alarm may already have lowered it, so first raise it to what the removals will bring back down.
        int through = Math.min(current.maxSize(), Math.max(current.desiredCapacity(), desired + added.size()));
        if (!added.isEmpty() && through != current.desiredCapacity()) {
            context.aws().autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName(group).desiredCapacity(through));
        }
        for (String id : added) {
            context.aws().autoScaling().terminateInstanceInAutoScalingGroup(r -> r.instanceId(id)
                    .shouldDecrementDesiredCapacity(true));
        }
        int now = context.aws().autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(group))
                .autoScalingGroups().get(0).desiredCapacity();
        if (now != desired) {
            context.aws().autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName(group).desiredCapacity(desired));
        }
        return added.isEmpty() && now == desired ? "no member added to " + group + "; desired capacity already " + desired
                : "terminated " + added + " of " + group + "; desired capacity " + desired;
    }
}
