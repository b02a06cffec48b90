package dev.ovha.twin.state.cloudwatch;

/**
 * Carries out one of an alarm's actions, named by its ARN (for the stack's alarms, an Auto Scaling
 * policy). CloudWatch calls it on every evaluation that finds the alarm in ALARM, not only on the
 * transition: that is how AWS invokes Auto Scaling actions, which is why a simple policy's cooldown
 * matters.
 */
@FunctionalInterface
public interface AlarmActions {
    void execute(MetricAlarm alarm, String actionArn);
}
