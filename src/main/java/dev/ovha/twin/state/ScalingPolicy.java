package dev.ovha.twin.state;

import java.util.List;

/** A simple scaling policy and the alarms that trigger it. */
public record ScalingPolicy(String name, String arn, String groupName, String policyType, String adjustmentType,
                            int scalingAdjustment, int cooldownSeconds, List<Alarm> alarms) {

    /** A CloudWatch alarm that names this policy in its actions. */
    public record Alarm(String name, String arn) {
    }
}
