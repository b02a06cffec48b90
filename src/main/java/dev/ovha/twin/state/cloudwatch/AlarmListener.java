package dev.ovha.twin.state.cloudwatch;

/**
 * Told about every alarm right after each evaluation, whether or not its state changed, under the
 * world's lock: how FIS watches its stop-condition alarms.
 */
@FunctionalInterface
public interface AlarmListener {
    void onEvaluated(MetricAlarm alarm);
}
