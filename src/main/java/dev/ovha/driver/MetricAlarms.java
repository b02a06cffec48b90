package dev.ovha.driver;

import dev.ovha.aws.AwsClients;
import dev.ovha.report.Evidence;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/** CloudWatch metric alarms, as DescribeAlarms reports them. */
public final class MetricAlarms {
    private final AwsClients aws;
    private final Evidence evidence;

    public MetricAlarms(AwsClients aws, Evidence evidence) {
        this.aws = aws;
        this.evidence = evidence;
    }

    /** The alarm of that name, or empty when CloudWatch has none. */
    public Optional<AlarmView> alarm(String name) {
        Optional<AlarmView> alarm = aws.cloudWatch().describeAlarmsPaginator(r -> r.alarmNames(name)).metricAlarms()
                .stream().filter(a -> a.alarmName().equals(name)).findFirst().map(MetricAlarms::view);
        evidence.aws("DescribeAlarms", name, alarm.<Object>map(a -> a).orElse("no such alarm"));
        return alarm;
    }

    private static AlarmView view(MetricAlarm a) {
        TreeMap<String, String> dimensions = new TreeMap<>();
        a.dimensions().forEach(d -> dimensions.put(d.name(), d.value()));
        return new AlarmView(a.alarmName(), String.valueOf(a.namespace()), String.valueOf(a.metricName()), dimensions,
                a.statistic() == null ? "" : a.statisticAsString(), a.period() == null ? 0 : a.period(),
                a.evaluationPeriods() == null ? 0 : a.evaluationPeriods(), a.threshold() == null ? Double.NaN : a.threshold(),
                a.comparisonOperatorAsString(), a.alarmActions(), a.stateValueAsString());
    }
}
