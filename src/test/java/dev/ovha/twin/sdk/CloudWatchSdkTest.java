package dev.ovha.twin.sdk;

import dev.ovha.twin.state.cloudwatch.CpuSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.autoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudWatchSdkTest extends TwinSdkTestBase {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    /** These tests count the queue's traffic themselves: the masters' replication-managers must not consume. */
    @org.junit.jupiter.api.BeforeEach
    void nobodyConsumes() {
        twin.inject(dev.ovha.twin.sim.Fault.EVENTS_NOT_CONSUMED);
    }

    @Test
    void theMediaCpuAlarmsMatchTheScalingPoliciesThatNameThem() {
        List<MetricAlarm> alarms = aws.cloudWatch().describeAlarmsPaginator(r -> { }).metricAlarms().stream().toList();
        List<ScalingPolicy> policies = aws.autoScaling().describePolicies(r -> r.autoScalingGroupName(mediaGroup())).scalingPolicies();
        assertThat(alarms).hasSize(2);
        for (ScalingPolicy policy : policies) {
            MetricAlarm alarm = alarms.stream().filter(a -> a.alarmName().equals(policy.alarms().get(0).alarmName()))
                    .findFirst().orElseThrow();
            boolean up = policy.scalingAdjustment() > 0;
            assertThat(alarm.alarmArn()).isEqualTo(policy.alarms().get(0).alarmARN());
            assertThat(alarm.alarmActions()).containsExactly(policy.policyARN());
            assertThat(alarm.threshold()).isEqualTo(up ? 70.0 : 30.0);
            assertThat(alarm.comparisonOperator()).isEqualTo(up ? ComparisonOperator.GREATER_THAN_THRESHOLD
                    : ComparisonOperator.LESS_THAN_THRESHOLD);
            assertThat(alarm.statistic()).isEqualTo(Statistic.AVERAGE);
            assertThat(alarm.period()).isEqualTo(60);
            assertThat(alarm.evaluationPeriods()).isEqualTo(1);
            assertThat(alarm.namespace()).isEqualTo("AWS/EC2");
            assertThat(alarm.metricName()).isEqualTo("CPUUtilization");
            assertThat(alarm.dimensions()).containsExactly(Dimension.builder().name("AutoScalingGroupName").value(mediaGroup()).build());
            assertThat(alarm.stateValue()).as("idle media nodes").isEqualTo(up ? StateValue.OK : StateValue.ALARM);
        }
    }

    @Test
    void aBusyMediaGroupTurnsTheScaleUpAlarmOnWithinAMinute() {
        twin.inWorld(w -> {
            CpuSource idle = w.cloudWatch().cpuSource();
            w.cloudWatch().setCpuSource((instanceId, minute) -> w.mediaGroup().instance(instanceId).isPresent() ? 92.5
                    : idle.percent(instanceId, minute));
            return null;
        });
        twin.advance(Duration.ofSeconds(60));
        List<MetricAlarm> alarms = aws.cloudWatch().describeAlarms(r -> r.stateValue(StateValue.ALARM)).metricAlarms();
        assertThat(alarms).singleElement().satisfies(a -> {
            assertThat(a.threshold()).isEqualTo(70.0);
            assertThat(a.stateReason()).contains("[92.5 (05/01/26 09:00:00)]", "was greater than the threshold (70.0)");
            assertThat(a.stateUpdatedTimestamp()).isEqualTo(T0.plusSeconds(60));
        });
    }

    @Test
    void sqsCountsPerMinuteMatchWhatWasSentAndDeleted() {
        String url = aws.sqs().getQueueUrl(r -> r.queueName(queue())).queueUrl();
        twin.advance(Duration.ofSeconds(61));
        String handle = aws.sqs().receiveMessage(r -> r.queueUrl(url)).messages().get(0).receiptHandle();
        aws.sqs().deleteMessage(r -> r.queueUrl(url).receiptHandle(handle));
        twin.advance(Duration.ofSeconds(119));
        List<Datapoint> sent = sorted(aws.cloudWatch().getMetricStatistics(r -> r.namespace("AWS/SQS")
                .metricName("NumberOfMessagesSent").dimensions(queueDimension()).startTime(T0).endTime(T0.plusSeconds(180))
                .period(60).statistics(Statistic.SUM)).datapoints());
        assertThat(sent).extracting(Datapoint::sum).containsExactly(0.0, 1.0, 1.0);
        assertThat(sent).extracting(Datapoint::timestamp).containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(120));
        List<Datapoint> deleted = sorted(aws.cloudWatch().getMetricStatistics(r -> r.namespace("AWS/SQS")
                .metricName("NumberOfMessagesDeleted").dimensions(queueDimension()).startTime(T0).endTime(T0.plusSeconds(180))
                .period(60).statistics(Statistic.SUM)).datapoints());
        assertThat(deleted).extracting(Datapoint::sum).containsExactly(0.0, 1.0, 0.0);
    }

    @Test
    void getMetricDataAnswersSeveralQueriesNewestFirst() {
        twin.advance(Duration.ofMinutes(3));
        List<MetricDataResult> results = aws.cloudWatch().getMetricData(r -> r.startTime(T0).endTime(T0.plusSeconds(180))
                .metricDataQueries(
                        query("received", "AWS/SQS", "NumberOfMessagesReceived", queueDimension(), "Sum"),
                        query("cpu", "AWS/EC2", "CPUUtilization",
                                Dimension.builder().name("AutoScalingGroupName").value(mediaGroup()).build(), "Average")))
                .metricDataResults();
        assertThat(results).extracting(MetricDataResult::id).containsExactly("received", "cpu");
        assertThat(results.get(0).values()).containsExactly(0.0, 0.0, 0.0);
        assertThat(results.get(1).timestamps()).containsExactly(T0.plusSeconds(120), T0.plusSeconds(60), T0);
        assertThat(results.get(1).values()).allSatisfy(v -> assertThat(v).isBetween(5.0, 15.0));
    }

    @Test
    void cloudFormationNamesTheSameAlarms() {
        List<StackResource> resources = aws.cloudFormation().describeStackResources(r -> r.stackName(stack())).stackResources();
        List<String> alarms = aws.cloudWatch().describeAlarms(r -> r.maxRecords(10)).metricAlarms().stream()
                .map(MetricAlarm::alarmName).toList();
        assertThat(List.of(SqsSdkTest.physicalId(resources, "MediaNodeCPUAlarmHigh"),
                SqsSdkTest.physicalId(resources, "MediaNodeCPUAlarmLow"))).isEqualTo(alarms);
    }

    @Test
    void aMissingStartTimeIsMissingRequiredParameter() {
        assertThatThrownBy(() -> aws.cloudWatch().getMetricStatistics(r -> r.namespace("AWS/EC2").metricName("CPUUtilization")
                .endTime(T0).period(60).statistics(Statistic.AVERAGE)))
                .isInstanceOfSatisfying(MissingRequiredParameterException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The parameter StartTime is required."));
    }

    private String queue() {
        return stack() + "-SQS.fifo";
    }

    private Dimension queueDimension() {
        return Dimension.builder().name("QueueName").value(queue()).build();
    }

    private static MetricDataQuery query(String id, String namespace, String metric, Dimension dimension, String stat) {
        return MetricDataQuery.builder().id(id).metricStat(s -> s.period(60).stat(stat)
                .metric(m -> m.namespace(namespace).metricName(metric).dimensions(dimension))).build();
    }

    private static List<Datapoint> sorted(List<Datapoint> datapoints) {
        return datapoints.stream().sorted(Comparator.comparing(Datapoint::timestamp)).toList();
    }
}
