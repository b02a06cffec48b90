package dev.ovha.chaos;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;

/**
 * Puts a group that was grown back to its size <em>and</em> its members. Restoring the desired capacity is not
 * enough for a group whose new members are protected from scale-in (the media group): Auto Scaling would keep
 * them all, above the desired capacity. So after setting the sizes back, the undo terminates the protected
 * members that were not there before, as many as the group has too many; it never touches a member that was.
 *
 * @param group         the Auto Scaling group
 * @param desired       its desired capacity before the change
 * @param min           its MinSize before the change, when the change moved it
 * @param max           its MaxSize before the change, when the change moved it
 * @param membersBefore the instance ids of its members before the change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestoreGroupMembers(String group, int desired, Integer min, Integer max, List<String> membersBefore)
        implements UndoAction {

    public RestoreGroupMembers {
        Objects.requireNonNull(group, "group");
        membersBefore = List.copyOf(membersBefore);
    }

    @Override
    public String describe() {
        return "set " + group + " back to " + desired + " member(s)" + (min == null ? "" : ", min " + min)
                + (max == null ? "" : ", max " + max) + ", terminating protected members it did not have before";
    }

    @Override
    public String undo(UndoContext context) {
        AutoScalingGroup current = describe(context);
        List<String> done = new ArrayList<>();
        boolean sizes = current.desiredCapacity() == desired && (min == null || current.minSize().equals(min))
                && (max == null || current.maxSize().equals(max));
        if (!sizes) {
            context.aws().autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName(group)
                    .desiredCapacity(desired).minSize(min).maxSize(max));
            done.add("desired capacity set back from " + current.desiredCapacity() + " to " + desired
                    + (min == null ? "" : " (min " + min + ")") + (max == null ? "" : " (max " + max + ")"));
        }
        Set<String> before = Set.copyOf(membersBefore);
        List<Instance> active = describe(context).instances().stream().filter(RestoreGroupMembers::active).toList();
        List<Instance> added = active.stream()
                .filter(i -> !before.contains(i.instanceId()) && Boolean.TRUE.equals(i.protectedFromScaleIn())).toList();
        int surplus = Math.min(added.size(), active.size() - desired);
        for (Instance member : added.subList(0, Math.max(0, surplus))) {
            // The sizes are already back: without decrementing, the group ends at the desired capacity.
            context.aws().autoScaling().terminateInstanceInAutoScalingGroup(r -> r.instanceId(member.instanceId())
                    .shouldDecrementDesiredCapacity(false));
            done.add("terminated " + member.instanceId() + " (protected from scale-in, added by the change)");
        }
        return done.isEmpty() ? group + " already at " + desired + " member(s) as before"
                : group + ": " + String.join("; ", done);
    }

    private AutoScalingGroup describe(UndoContext context) {
        return context.aws().autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(group))
                .autoScalingGroups().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Auto Scaling group " + group + " not found"));
    }

    /** Members that count towards the capacity: not on their way out. */
    private static boolean active(Instance member) {
        String state = member.lifecycleStateAsString();
        return state != null && !state.startsWith("Terminat") && !state.startsWith("Detach") && !state.startsWith("Standby");
    }
}
