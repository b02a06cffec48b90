package dev.ovha.chaos;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/**
 * Sets an Auto Scaling group's desired capacity back, and its minimum and maximum when the change moved
 * them (null when it did not).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestoreCapacity(String group, int desired, Integer min, Integer max) implements UndoAction {

    public RestoreCapacity {
        Objects.requireNonNull(group, "group");
    }

    @Override
    public String describe() {
        return "set desired capacity of " + group + " back to " + desired
                + (min == null ? "" : ", min " + min) + (max == null ? "" : ", max " + max);
    }

    @Override
    public String undo(UndoContext context) {
        AutoScalingGroup current = context.aws().autoScaling()
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames(group)).autoScalingGroups().stream()
                .findFirst().orElseThrow(() -> new IllegalStateException("Auto Scaling group " + group + " not found"));
        boolean same = current.desiredCapacity() == desired && (min == null || current.minSize().equals(min))
                && (max == null || current.maxSize().equals(max));
        if (same) {
            return "desired capacity of " + group + " already " + desired;
        }
        context.aws().autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName(group)
                .desiredCapacity(desired).minSize(min).maxSize(max));
        return "desired capacity of " + group + " set back from " + current.desiredCapacity() + " to " + desired
                + (min == null ? "" : " (min " + min + ")") + (max == null ? "" : " (max " + max + ")");
    }
}
