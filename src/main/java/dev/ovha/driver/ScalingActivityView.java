package dev.ovha.driver;

import java.time.Instant;

/**
 * One scaling activity of a group, as DescribeScalingActivities reports it.
 *
 * @param description e.g. "Launching a new EC2 instance: i-0abc"
 * @param cause       why, e.g. "At … a monitor alarm MediaNodeCPUAlarmHigh in state ALARM triggered policy …"
 * @param status      Successful, InProgress, Failed, …
 * @param start       when it started
 */
public record ScalingActivityView(String description, String cause, String status, Instant start) {
    /** Started by a CloudWatch alarm's policy, as Auto Scaling words it. */
    public boolean fromAlarm() {
        return cause.contains("monitor alarm") && cause.contains("in state ALARM");
    }
}
