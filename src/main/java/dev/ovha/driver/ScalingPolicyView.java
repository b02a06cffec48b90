package dev.ovha.driver;

import java.util.List;
import java.util.Optional;

/**
 * A scaling policy of a group.
 *
 * @param name              policy name
 * @param policyType        SimpleScaling, StepScaling, TargetTrackingScaling, ...
 * @param adjustmentType    ChangeInCapacity, ...
 * @param scalingAdjustment e.g. +1 or -1
 * @param cooldownSeconds   the policy's cooldown, when set
 * @param alarmNames        CloudWatch alarms that trigger it
 */
public record ScalingPolicyView(String name, String policyType, String adjustmentType, int scalingAdjustment,
                                Optional<Integer> cooldownSeconds, List<String> alarmNames) {
    public ScalingPolicyView {
        alarmNames = List.copyOf(alarmNames);
    }
}
