package dev.ovha.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.config.Timeouts;
import dev.ovha.report.Evidence;
import dev.ovha.report.Redactor;
import dev.ovha.report.ScenarioEvidence;
import dev.ovha.testing.TwinFixture;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.sim.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The drivers of the event plumbing, the configuration bucket and the masters' logs against a twin on its
 * real-time clock (60 virtual seconds a second), since schedules, CloudWatch minutes and SSM commands take
 * time to happen.
 */
class EventDriversTwinTest {
    private static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(15), Duration.ofMillis(50));

    @AutoClose
    private static final TwinFixture fixture = TwinFixture.of(TwinOptions.defaults());
    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = new StackDriver(fixture.aws(), Evidence.NONE).discover("ovha-twin");
    }

    @Test
    void theDotEnvIsReadWithoutItsSecretValues() {
        ScenarioEvidence evidence = new ScenarioEvidence(Redactor.none());
        ConfigFile file = new ConfigBucket(fixture.aws(), evidence).dotEnv(stack);
        assertThat(file.location()).startsWith("s3://ovha-twin-cluster-").endsWith("/.env");
        assertThat(file.value("DOMAIN_OR_PUBLIC_IP")).hasValue("ovha-twin.ovha.test");
        assertThat(file.secretKeys()).contains("OPENVIDU_SECRET", "ELASTICSEARCH_PASSWORD", "OPENVIDU_PRO_LICENSE");
        assertThat(file.values()).doesNotContainKeys("OPENVIDU_SECRET", "ELASTICSEARCH_PASSWORD", "OPENVIDU_PRO_LICENSE");
        // Not even through the evidence, with no redactor to help: the values were never read into the record.
        assertThat(evidence.awsText()).contains("GetObject s3://", "DOMAIN_OR_PUBLIC_IP")
                .doesNotContain(fixture.twin().endpoints().secret(), "twin-es-password", "twin-license");
    }

    @Test
    void theRulesFeedTheStacksQueueAndTheQueueIsTheTemplates() {
        EventWiring wiring = new EventWiring(fixture.aws(), Evidence.NONE);
        QueueView queue = wiring.queue(stack.queueUrl().orElseThrow());
        assertThat(queue.name()).isEqualTo("ovha-twin-SQS.fifo");
        assertThat(queue.attributes()).containsEntry("FifoQueue", "true").containsEntry("ContentBasedDeduplication", "true")
                .containsEntry("MessageRetentionPeriod", "60").containsEntry("VisibilityTimeout", "50");
        EventRuleView lifecycle = wiring.rule(stack.lifecycleRuleName().orElseThrow()).orElseThrow();
        assertThat(lifecycle.enabled()).isTrue();
        assertThat(lifecycle.eventPattern()).hasValueSatisfying(p -> assertThat(p).contains("ovha-twin-ASGMediaNode"));
        assertThat(lifecycle.targets()).singleElement().satisfies(t -> {
            assertThat(t.arn()).isEqualTo(queue.arn());
            assertThat(t.messageGroupId()).hasValue("sqs-notification");
            assertThat(t.transformsInput()).isTrue();
        });
        EventRuleView schedule = wiring.rule(stack.scheduleRuleName().orElseThrow()).orElseThrow();
        assertThat(schedule.schedulePeriod()).hasValue(Duration.ofMinutes(1));
        assertThat(wiring.rule("no-such-rule")).isEmpty();
    }

    @Test
    void theCpuAlarmsAreFoundByTheirStackNames() {
        MetricAlarms alarms = new MetricAlarms(fixture.aws(), Evidence.NONE);
        AlarmView high = alarms.alarm(stack.physicalId("MediaNodeCPUAlarmHigh").orElseThrow()).orElseThrow();
        assertThat(high.threshold()).isEqualTo(70);
        assertThat(high.statistic()).isEqualTo("Average");
        assertThat(high.dimensions()).containsEntry("AutoScalingGroupName", "ovha-twin-ASGMediaNode");
        assertThat(high.alarmActions()).containsExactly(stack.physicalId("MediaNodeScaleUpPolicy").orElseThrow());
        assertThat(alarms.alarm("no-such-alarm")).isEmpty();
    }

    @Test
    void queueTrafficIsTheNewestMinutesCloudWatchReports() {
        QueueActivity activity = new QueueMetrics(fixture.aws(), Evidence.NONE, TIMEOUTS).recent("ovha-twin-SQS.fifo", 3);
        assertThat(activity.minutes()).hasSize(3);
        assertThat(activity.sent()).isPositive();
        assertThat(activity.minutes()).isSortedAccordingTo((a, b) -> a.start().compareTo(b.start()));
    }

    @Test
    void aMastersLogIsSearchedThroughSsm() {
        NodeLogs logs = new NodeLogs(fixture.aws(), Evidence.NONE, TIMEOUTS);
        List<String> masters = masters();
        LogWatch watch = logs.watch(masters, "replication-manager", "custom.autoscaling_schedule", Duration.ofMinutes(2));
        assertThat(watch.found()).hasValueSatisfying(s -> assertThat(s.lines()).last().asString()
                .contains("SQSNotificationListenerAWS", "Notification content", "custom.autoscaling_schedule"));
        LogSearch none = logs.search(masters.get(0), "replication-manager", "no line says this", Duration.ofMinutes(2));
        assertThat(none.outcome()).isEqualTo(LogSearch.Outcome.NO_MATCH);
        assertThat(none.executedAt()).isPresent();
        LogSearch broken = logs.search(masters.get(0), "no-such-service", "x", Duration.ofMinutes(2));
        assertThat(broken.outcome()).isEqualTo(LogSearch.Outcome.ERROR);
        assertThat(broken.detail()).contains("No such service: no-such-service");
    }

    /**
     * A schedule notification goes to whichever master asks the queue first, so "none within two periods" only
     * holds when every master's log is read over the same window: one look searches them all at once.
     */
    @Test
    void everyMasterIsSearchedAtTheSameMoment() {
        LogWatch watch = new NodeLogs(fixture.aws(), Evidence.NONE, TIMEOUTS).watch(masters(), "replication-manager",
                "no line says this", Duration.ofMinutes(2));
        assertThat(watch.found()).isEmpty();
        assertThat(watch.searches()).hasSizeGreaterThanOrEqualTo(4).hasSize(watch.searches().size() / 2 * 2);
        List<LogSearch> firstLook = watch.searches().subList(0, 2);
        assertThat(firstLook).extracting(LogSearch::instanceId).containsExactlyElementsOf(masters());
        assertThat(Duration.between(firstLook.get(0).executedAt().orElseThrow(), firstLook.get(1).executedAt().orElseThrow())
                .abs()).as("virtual time between the two masters' searches").isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aSearchFromAMomentOnReadsEveryLineSinceWithDockersTimeStamps() {
        Instant since = fixture.twin().clock().now().minus(Duration.ofMinutes(3));
        LogWatch watch = new NodeLogs(fixture.aws(), Evidence.NONE, TIMEOUTS).watchSince(masters(), "replication-manager",
                "custom.autoscaling_schedule", since, Duration.ofMinutes(2));
        assertThat(watch.span()).isEqualTo("since " + since);
        assertThat(watch.found()).hasValueSatisfying(s -> {
            assertThat(s.command()).contains("docker-compose logs --no-color -t --since " + since + " replication-manager");
            assertThat(s.loggedAt()).hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(since)
                    .isBeforeOrEqualTo(s.executedAt().orElseThrow()));
        });
    }

    @Test
    void mastersSsmCannotReachMakeTheLogsUnreadableAtOnce() {
        fixture.twin().inject(Fault.MASTERS_NOT_SSM_MANAGED);
        try {
            LogWatch watch = new NodeLogs(fixture.aws(), Evidence.NONE, TIMEOUTS).watch(masters(), "replication-manager",
                    "custom.autoscaling_schedule", Duration.ofMinutes(2));
            assertThat(watch.unreadable()).isTrue();
            assertThat(watch.searches()).hasSize(2).allSatisfy(s -> assertThat(s.detail()).contains("not in a valid state"));
        } finally {
            fixture.twin().clear(Fault.MASTERS_NOT_SSM_MANAGED);
        }
    }

    private static List<String> masters() {
        return new AutoScalingGroups(fixture.aws(), Evidence.NONE).group(stack.masterGroupName()).members().stream()
                .map(GroupView.GroupMember::instanceId).toList();
    }
}
