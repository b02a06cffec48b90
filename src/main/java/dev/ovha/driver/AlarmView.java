package dev.ovha.driver;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A CloudWatch metric alarm.
 *
 * @param name              alarm name
 * @param namespace         e.g. {@code AWS/EC2}
 * @param metricName        e.g. {@code CPUUtilization}
 * @param dimensions        e.g. {@code AutoScalingGroupName=<stack>-ASGMediaNode}
 * @param statistic         Average, Sum, ... (empty for extended statistics)
 * @param periodSeconds     the period of each evaluated datapoint
 * @param evaluationPeriods how many periods are evaluated
 * @param threshold         the threshold
 * @param comparison        GreaterThanThreshold, LessThanThreshold, ...
 * @param alarmActions      what runs when it goes into ALARM (policy ARNs for scaling alarms)
 * @param state             OK, ALARM or INSUFFICIENT_DATA
 */
public record AlarmView(String name, String namespace, String metricName, SortedMap<String, String> dimensions,
                        String statistic, int periodSeconds, int evaluationPeriods, double threshold, String comparison,
                        List<String> alarmActions, String state) {
    public AlarmView {
        dimensions = new TreeMap<>(dimensions);
        alarmActions = List.copyOf(alarmActions);
    }
}
