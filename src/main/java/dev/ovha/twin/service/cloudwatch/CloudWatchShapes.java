package dev.ovha.twin.service.cloudwatch;

import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.state.cloudwatch.Datapoint;
import dev.ovha.twin.state.cloudwatch.MetricAlarm;
import dev.ovha.twin.state.cloudwatch.Statistic;

import java.util.List;
import java.util.Map;

/** CloudWatch output shapes under their model member names (query protocol: lists of {@code <member>}). */
final class CloudWatchShapes {

    private CloudWatchShapes() {
    }

    /** A GetMetricStatistics datapoint with only the statistics that were asked for. */
    static Struct datapoint(Datapoint d, List<Statistic> statistics) {
        Struct out = Struct.of().put("Timestamp", d.timestamp());
        for (Statistic s : statistics) {
            out.put(s.apiName(), s.of(d));
        }
        return out.put("Unit", d.unit());
    }

    static Struct alarm(MetricAlarm a) {
        return Struct.of()
                .put("AlarmName", a.name())
                .put("AlarmArn", a.arn())
                .put("AlarmDescription", a.description().orElse(null))
                .put("AlarmConfigurationUpdatedTimestamp", a.configurationUpdatedAt())
                .put("ActionsEnabled", true)
                .put("OKActions", List.of())
                .put("AlarmActions", a.alarmActions())
                .put("InsufficientDataActions", List.of())
                .put("StateValue", a.stateValue())
                .put("StateReason", a.stateReason())
                .put("StateUpdatedTimestamp", a.stateUpdatedAt())
                .put("MetricName", a.metricName())
                .put("Namespace", a.namespace())
                .put("Statistic", a.statistic().apiName())
                .put("Dimensions", dimensions(a.dimensions()))
                .put("Period", a.periodSeconds())
                .put("EvaluationPeriods", a.evaluationPeriods())
                .put("Threshold", a.threshold())
                .put("ComparisonOperator", a.comparison().apiName())
                .put("StateTransitionedTimestamp", a.stateTransitionedAt());
    }

    private static List<Struct> dimensions(Map<String, String> dimensions) {
        return dimensions.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Struct.of().put("Name", e.getKey()).put("Value", e.getValue())).toList();
    }
}
