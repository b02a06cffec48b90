package dev.ovha.twin.service.cloudwatch;

import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.AwsInput;
import dev.ovha.twin.protocol.FormInput;
import dev.ovha.twin.protocol.Page;
import dev.ovha.twin.protocol.ProtocolCodec;
import dev.ovha.twin.protocol.QueryCodec;
import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.service.FormService;
import dev.ovha.twin.state.World;
import dev.ovha.twin.state.cloudwatch.Datapoint;
import dev.ovha.twin.state.cloudwatch.MetricAlarm;
import dev.ovha.twin.state.cloudwatch.MetricQuery;
import dev.ovha.twin.state.cloudwatch.Statistic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CloudWatch metrics and alarms. SDK 2.40.2 speaks the QUERY protocol to CloudWatch (signing name
 * {@code monitoring}); from 2.40.6 on the SDK speaks RPC v2 CBOR instead, so when the project's SDK
 * moves, this service's codec must move with it (the wire cases will say so).
 */
public final class CloudWatchService extends FormService {

    private static final ProtocolCodec CODEC = new QueryCodec("http://monitoring.amazonaws.com/doc/2010-08-01/");

    private final int pageSize;

    public CloudWatchService(int pageSize) {
        super("monitoring", "2010-08-01", "CloudWatch", CODEC, FormInput.ListStyle.QUERY);
        this.pageSize = pageSize;
        operation("GetMetricStatistics", this::getMetricStatistics);
        operation("GetMetricData", this::getMetricData);
        operation("DescribeAlarms", this::describeAlarms);
    }

    private Struct getMetricStatistics(AwsInput in, World world) {
        String namespace = MetricRequests.required(in, "Namespace");
        String metric = MetricRequests.required(in, "MetricName");
        Instant start = MetricRequests.requiredInstant(in, "StartTime");
        Instant end = MetricRequests.requiredInstant(in, "EndTime");
        int period = MetricRequests.period(in, "Period");
        List<String> names = in.strings("Statistics");
        List<String> extended = in.strings("ExtendedStatistics");
        if (names.isEmpty() == extended.isEmpty()) {
            throw AwsError.badRequest("InvalidParameterCombination",
                    "Must specify either Statistics or ExtendedStatistics, but not both.");
        }
        if (!extended.isEmpty()) {
            throw MetricRequests.invalid("The ovha twin computes the basic statistics only, not ExtendedStatistics " + extended);
        }
        List<Statistic> statistics = MetricRequests.statistics(names);
        MetricRequests.checkWindow(start, end);
        List<Datapoint> datapoints = world.cloudWatch().datapoints(new MetricQuery(namespace, metric,
                MetricRequests.dimensions(in), start, end, period, in.string("Unit").orElse(null)));
        return Struct.of()
                .put("Label", metric)
                .put("Datapoints", datapoints.stream().map(d -> CloudWatchShapes.datapoint(d, statistics)).toList());
    }

    private Struct getMetricData(AwsInput in, World world) {
        Instant start = MetricRequests.requiredInstant(in, "StartTime");
        Instant end = MetricRequests.requiredInstant(in, "EndTime");
        MetricRequests.checkWindow(start, end);
        if (in.string("NextToken").filter(t -> !t.isEmpty()).isPresent()) {
            throw AwsError.badRequest("InvalidNextToken", "The twin answers GetMetricData in one page; the token '"
                    + in.string("NextToken").orElse("") + "' is not one it gave out.");
        }
        String scanBy = in.string("ScanBy").orElse("TimestampDescending");
        if (!scanBy.equals("TimestampDescending") && !scanBy.equals("TimestampAscending")) {
            throw MetricRequests.invalid("The parameter ScanBy must be a value in the set [ TimestampDescending, TimestampAscending ].");
        }
        List<AwsInput> queries = in.structs("MetricDataQueries");
        if (queries.isEmpty()) {
            throw MetricRequests.missing("MetricDataQueries");
        }
        Set<String> ids = new HashSet<>();
        List<Struct> results = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            AwsInput q = queries.get(i);
            String where = "MetricDataQueries.member." + (i + 1);
            String id = q.string("Id").orElseThrow(() -> MetricRequests.missing(where + ".Id"));
            if (!id.matches("[a-z][a-zA-Z0-9_]*") || !ids.add(id)) {
                throw MetricRequests.invalid("The value " + id + " for parameter " + where
                        + ".Id must start with a lowercase letter, contain only letters, digits and underscores, and be unique.");
            }
            if (q.string("Expression").isPresent()) {
                throw MetricRequests.invalid("The ovha twin does not evaluate metric math or Metrics Insights expressions ("
                        + where + ".Expression)");
            }
            AwsInput stat = q.struct("MetricStat").orElseThrow(() -> MetricRequests.missing(where + ".MetricStat"));
            AwsInput metric = stat.struct("Metric").orElseThrow(() -> MetricRequests.missing(where + ".MetricStat.Metric"));
            String metricName = MetricRequests.required(metric, "MetricName");
            Statistic statistic = MetricRequests.statistic(MetricRequests.required(stat, "Stat"), where + ".MetricStat.Stat");
            MetricQuery query = new MetricQuery(MetricRequests.required(metric, "Namespace"), metricName,
                    MetricRequests.dimensions(metric), start, end, MetricRequests.period(stat, "Period"),
                    stat.string("Unit").orElse(null));
            if (!q.bool("ReturnData").orElse(true)) {
                continue;
            }
            List<Datapoint> datapoints = new ArrayList<>(world.cloudWatch().datapoints(query));
            if (scanBy.equals("TimestampDescending")) {
                Collections.reverse(datapoints);
            }
            results.add(Struct.of()
                    .put("Id", id)
                    .put("Label", q.string("Label").orElse(metricName))
                    .put("Timestamps", datapoints.stream().map(Datapoint::timestamp).toList())
                    .put("Values", datapoints.stream().map(statistic::of).toList())
                    .put("StatusCode", "Complete"));
        }
        return Struct.of().put("MetricDataResults", results).put("Messages", List.of());
    }

    private Struct describeAlarms(AwsInput in, World world) {
        List<String> names = in.strings("AlarmNames");
        Optional<String> prefix = in.string("AlarmNamePrefix");
        if (!names.isEmpty() && prefix.isPresent()) {
            throw AwsError.badRequest("InvalidParameterCombination",
                    "AlarmNames and AlarmNamePrefix cannot be specified together.");
        }
        List<String> types = in.strings("AlarmTypes");
        Optional<String> state = in.string("StateValue");
        Optional<String> actionPrefix = in.string("ActionPrefix");
        Optional<Integer> max = in.integer("MaxRecords");
        max.filter(m -> m < 1 || m > 100).ifPresent(m -> {
            throw MetricRequests.invalid("The parameter MaxRecords must be between 1 and 100.");
        });
        // Without AlarmTypes, CloudWatch returns metric alarms only; the twin has no composite alarms.
        boolean metricAlarms = types.isEmpty() || types.contains("MetricAlarm");
        List<MetricAlarm> alarms = !metricAlarms ? List.of() : world.cloudWatch().alarms().stream()
                .filter(a -> names.isEmpty() || names.contains(a.name()))
                .filter(a -> prefix.map(p -> a.name().startsWith(p)).orElse(true))
                .filter(a -> state.map(s -> a.stateValue().equals(s)).orElse(true))
                .filter(a -> actionPrefix.map(p -> a.alarmActions().stream().anyMatch(x -> x.startsWith(p))).orElse(true))
                .toList();
        Page<MetricAlarm> page = Page.of(alarms, in.string("NextToken"), max, pageSize,
                token -> AwsError.badRequest("InvalidNextToken", "The next token " + token + " is invalid."));
        return Struct.of()
                .put("CompositeAlarms", types.contains("CompositeAlarm") ? List.of() : null)
                .put("MetricAlarms", page.items().stream().map(CloudWatchShapes::alarm).toList())
                .put("NextToken", page.nextToken());
    }
}
