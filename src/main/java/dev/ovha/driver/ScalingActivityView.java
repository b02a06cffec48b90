package dev.ovha.driver;

import java.time.Instant;
import java.util.Optional;

/**
 * One Auto Scaling activity, as AWS keeps it after the fact: what was done to which instance, why, and when,
 * by AWS's clock.
 *
 * @param description e.g. {@code Terminating EC2 instance: i-0abc}
 * @param cause       why Auto Scaling did it, e.g. "At … a monitor alarm MediaNodeCPUAlarmHigh in state ALARM
 *                    triggered policy …"
 * @param statusCode  e.g. {@code MidLifecycleAction}, {@code Successful}
 * @param startTime   when it started
 * @param endTime     when it ended, once it has
 */
public record ScalingActivityView(String description, String cause, String statusCode, Instant startTime,
                                  Optional<Instant> endTime) {

    /** Whether the activity terminates {@code instanceId}. */
    public boolean terminates(String instanceId) {
        return description.startsWith("Terminating") && description.endsWith(instanceId);
    }

    /** Whether the activity launches {@code instanceId}. */
    public boolean launches(String instanceId) {
        return description.startsWith("Launching") && description.endsWith(instanceId);
    }

    /** Started by a CloudWatch alarm's policy, as Auto Scaling words it. */
    public boolean fromAlarm() {
        return cause.contains("monitor alarm") && cause.contains("in state ALARM");
    }
}
