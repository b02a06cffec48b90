package dev.ovha.twin.state;

import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.sim.TwinEvent;
import dev.ovha.twin.state.cloudwatch.CloudWatchState;
import dev.ovha.twin.state.cloudwatch.CpuSource;
import dev.ovha.twin.state.cloudwatch.Datapoint;
import dev.ovha.twin.state.cloudwatch.MetricAlarm;
import dev.ovha.twin.state.cloudwatch.MetricQuery;
import dev.ovha.twin.state.sqs.DeleteOutcome;
import dev.ovha.twin.state.sqs.MinuteCounts;
import dev.ovha.twin.state.sqs.ReceivedMessage;
import dev.ovha.twin.state.sqs.SendResult;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static dev.ovha.twin.TwinTestSupport.events;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event plumbing on a manual clock: EventBridge's schedule and lifecycle rules feeding the stack's
 * FIFO queue (60 s retention, 50 s visibility, one message group, content deduplication), the
 * replication-manager's consumer API, and the CloudWatch numbers that follow from both.
 */
class EventPlumbingDynamicsTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final String QUEUE = "ovha-twin-SQS.fifo";
    private static final String MEDIA = "ovha-twin-ASGMediaNode";

    // These tests read the queue themselves: the masters' replication-managers must not compete.
    @AutoClose
    private final Twin twin = Twin.start(TwinOptions.deterministic().withFaults(java.util.Set.of(dev.ovha.twin.sim.Fault.EVENTS_NOT_CONSUMED)));

    @Test
    void aScheduleMessageArrivesEveryMinuteAndExpiresAMinuteLaterIfNobodyReceivesIt() {
        twin.advance(Duration.ofSeconds(59));
        assertThat(visible()).as("the first fire is one period after start").isZero();
        twin.advance(Duration.ofSeconds(1));
        assertThat(visible()).isEqualTo(1);
        twin.advance(Duration.ofSeconds(150));
        List<TwinEvent> sent = events(twin, "sqs.sent", QUEUE);
        assertThat(sent).extracting(TwinEvent::virtualTime)
                .containsExactly(T0.plusSeconds(60), T0.plusSeconds(120), T0.plusSeconds(180));
        assertThat(sent.get(0).details().get("body"))
                .isEqualTo("{\"source\":\"custom.autoscaling_schedule\",\"detail\":{\"time\":\"2026-01-05T09:01:00Z\"}}");
        List<TwinEvent> expired = events(twin, "sqs.expired", QUEUE);
        assertThat(expired).extracting(TwinEvent::virtualTime).containsExactly(T0.plusSeconds(120), T0.plusSeconds(180));
        assertThat(expired.get(0).details()).containsEntry("messageId", sent.get(0).details().get("messageId"));
        assertThat(visible()).as("only the newest survives").isEqualTo(1);
        assertThat(receive().orElseThrow().body()).contains("\"time\":\"2026-01-05T09:03:00Z\"");
    }

    @Test
    void aReceivedMessageIsInvisibleForFiftySecondsAndComesBackUnlessDeleted() {
        twin.advance(Duration.ofSeconds(60));
        ReceivedMessage first = receive().orElseThrow();
        assertThat(first.receiveCount()).isEqualTo(1);
        assertThat(first.sentAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(first.groupId()).isEqualTo("sqs-notification");
        assertThat(receive()).as("in flight").isEmpty();
        assertThat(inFlight()).isEqualTo(1);
        twin.advance(Duration.ofSeconds(49));
        assertThat(receive()).isEmpty();
        twin.advance(Duration.ofSeconds(1));
        ReceivedMessage again = receive().orElseThrow();
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.receiveCount()).isEqualTo(2);
        assertThat(again.receiptHandle()).isNotEqualTo(first.receiptHandle());
        assertThat(delete(first.receiptHandle())).as("a FIFO queue refuses the old handle").isEqualTo(DeleteOutcome.EXPIRED);
        assertThat(delete(again.receiptHandle())).isEqualTo(DeleteOutcome.DELETED);
        assertThat(delete(again.receiptHandle())).isEqualTo(DeleteOutcome.ALREADY_GONE);
        assertThat(delete("AQEBforged")).isEqualTo(DeleteOutcome.UNKNOWN);
        assertThat(visible() + inFlight()).isZero();
    }

    @Test
    void aMessageGroupDeliversInOrderAndHoldsBackWhileItsHeadIsInFlight() {
        List<SendResult> sent = inWorld(w -> List.of(
                w.sqs().send(QUEUE, "a1", "a", null, "test"),
                w.sqs().send(QUEUE, "b1", "b", null, "test"),
                w.sqs().send(QUEUE, "a2", "a", null, "test"),
                w.sqs().send(QUEUE, "a3", "a", null, "test")));
        assertThat(sent).extracting(SendResult::sequenceNumber).isSorted();
        ReceivedMessage a1 = receive().orElseThrow();
        assertThat(a1.body()).isEqualTo("a1");
        ReceivedMessage b1 = receive().orElseThrow();
        assertThat(b1.body()).as("group a is blocked, group b is not").isEqualTo("b1");
        assertThat(receive()).isEmpty();
        delete(a1.receiptHandle());
        List<ReceivedMessage> batch = inWorld(w -> w.sqs().receive(QUEUE, 10, Duration.ofSeconds(50)));
        assertThat(batch).extracting(ReceivedMessage::body).containsExactly("a2", "a3");
    }

    @Test
    void anIdenticalBodyWithinFiveMinutesIsDroppedAsADuplicate() {
        SendResult first = inWorld(w -> w.sqs().send(QUEUE, "same", "g", null, "test"));
        SendResult second = inWorld(w -> w.sqs().send(QUEUE, "same", "g", null, "test"));
        assertThat(second.duplicate()).isTrue();
        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(visible()).isEqualTo(1);
        twin.advance(Duration.ofSeconds(299));
        assertThat(inWorld(w -> w.sqs().send(QUEUE, "same", "g", null, "test")).duplicate()).isTrue();
        twin.advance(Duration.ofSeconds(1));
        SendResult later = inWorld(w -> w.sqs().send(QUEUE, "same", "g", null, "test"));
        assertThat(later.duplicate()).isFalse();
        assertThat(later.messageId()).isNotEqualTo(first.messageId());
        assertThat(events(twin, "sqs.deduplicated", QUEUE)).hasSize(2);
    }

    @Test
    void scalingTheMediaGroupOutPutsALaunchingMessageOnTheQueue() {
        inWorld(w -> {
            w.autoScaling().setDesiredCapacity(w.mediaGroup(), 3);
            return null;
        });
        String newcomer = events(twin, "asg.launch", null).get(0).subject();
        twin.advance(Duration.ofSeconds(20));
        ReceivedMessage message = receive().orElseThrow();
        assertThat(message.body()).isEqualTo("{\"source\":\"aws.autoscaling\",\"detail\":{\"LifecycleTransition\":"
                + "\"autoscaling:EC2_INSTANCE_LAUNCHING\",\"AutoScalingGroupName\":\"" + MEDIA + "\",\"EC2InstanceId\":\""
                + newcomer + "\"},\"role\":\"MediaNode\"}");
        assertThat(message.sentAt()).as("when the hook put it in Pending:Wait")
                .isEqualTo(events(twin, "instance.running", newcomer).get(0).virtualTime());
        assertThat(events(twin, "events.delivered", "ovha-twin-asg-lifecycle-rule")).hasSize(1);
    }

    @Test
    void scalingTheMediaGroupInPutsATerminatingMessageOnTheQueue() {
        String victim = inWorld(w -> {
            GroupInstance member = w.mediaGroup().activeInstances().get(1);
            member.setProtectedFromScaleIn(false);
            w.autoScaling().setDesiredCapacity(w.mediaGroup(), 1);
            return member.instanceId();
        });
        ReceivedMessage message = receive().orElseThrow();
        assertThat(message.body()).isEqualTo("{\"source\":\"aws.autoscaling\",\"detail\":{\"LifecycleTransition\":"
                + "\"autoscaling:EC2_INSTANCE_TERMINATING\",\"AutoScalingGroupName\":\"" + MEDIA + "\",\"EC2InstanceId\":\""
                + victim + "\"},\"role\":\"MediaNode\"}");
        delete(message.receiptHandle());
        twin.advance(Duration.ofSeconds(31));
        Optional<LifecycleState> after = inWorld(w -> w.mediaGroup().instance(victim).map(GroupInstance::lifecycleState));
        assertThat(after).as("the hook held it 30 s; then it goes").isEqualTo(Optional.of(LifecycleState.TERMINATING_PROCEED));
    }

    @Test
    void theMasterGroupHasNoHooksSoItsScalingSendsNothing() {
        inWorld(w -> {
            w.autoScaling().setDesiredCapacity(w.masterGroup(), 3);
            return null;
        });
        twin.advance(Duration.ofSeconds(59));
        assertThat(visible()).isZero();
        assertThat(events(twin, "events.delivered", null)).isEmpty();
    }

    @Test
    void withEventsNotDeliveredTheQueueStaysEmptyAndClearingTheFaultRestoresDelivery() {
        twin.inject(Fault.EVENTS_NOT_DELIVERED);
        inWorld(w -> {
            w.autoScaling().setDesiredCapacity(w.mediaGroup(), 3);
            return null;
        });
        twin.advance(Duration.ofMinutes(3));
        assertThat(visible()).isZero();
        assertThat(events(twin, "sqs.sent", QUEUE)).isEmpty();
        assertThat(events(twin, "events.undelivered", null)).extracting(e -> e.details().get("detail-type"))
                .containsExactly("EC2 Instance-launch Lifecycle Action", "Scheduled Event", "Scheduled Event", "Scheduled Event");
        boolean enabledWithoutTargets = inWorld(w -> w.events().rules().stream().allMatch(r -> r.enabled() && r.targets().isEmpty()));
        assertThat(enabledWithoutTargets).isTrue();
        assertThat(sentPerMinute()).as("CloudWatch agrees").containsOnly(0.0);
        twin.clear(Fault.EVENTS_NOT_DELIVERED);
        twin.advance(Duration.ofSeconds(60));
        assertThat(visible()).isEqualTo(1);
    }

    @Test
    void aDisabledRuleDeliversNothingAndTheOtherKeepsWorking() {
        inWorld(w -> {
            w.events().setEnabled("ovha-twin-asg-rule", false);
            w.autoScaling().setDesiredCapacity(w.mediaGroup(), 3);
            return null;
        });
        twin.advance(Duration.ofMinutes(2));
        assertThat(events(twin, "sqs.sent", QUEUE)).singleElement()
                .satisfies(e -> assertThat(e.details().get("body")).contains("EC2_INSTANCE_LAUNCHING"));
        inWorld(w -> {
            w.events().setEnabled("ovha-twin-asg-rule", true);
            return null;
        });
        twin.advance(Duration.ofMinutes(1));
        assertThat(events(twin, "sqs.sent", QUEUE)).hasSize(2);
    }

    @Test
    void cloudWatchCountsMatchWhatWasSentReceivedAndDeleted() {
        twin.advance(Duration.ofSeconds(60));
        ReceivedMessage m = receive().orElseThrow();
        delete(m.receiptHandle());
        twin.advance(Duration.ofSeconds(60));
        receive().orElseThrow();
        twin.advance(Duration.ofSeconds(60));
        List<MinuteCounts> counts = inWorld(w -> w.sqs().countsPerMinute(QUEUE));
        assertThat(counts).extracting(MinuteCounts::minute)
                .containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(120), T0.plusSeconds(180));
        assertThat(counts).extracting(MinuteCounts::sent).containsExactly(0L, 1L, 1L, 1L);
        assertThat(counts).extracting(MinuteCounts::received).containsExactly(0L, 1L, 1L, 0L);
        assertThat(counts).extracting(MinuteCounts::deleted).containsExactly(0L, 1L, 0L, 0L);
        assertThat(datapoints("NumberOfMessagesSent", 180)).singleElement()
                .satisfies(d -> assertThat(d.sum()).isEqualTo(2.0));
        assertThat(datapoints("NumberOfMessagesReceived", 60)).extracting(Datapoint::sum).containsExactly(0.0, 1.0, 1.0);
        assertThat(datapoints("NumberOfMessagesDeleted", 60)).extracting(Datapoint::sum).containsExactly(0.0, 1.0, 0.0);
    }

    @Test
    void theCpuAlarmsFollowTheCpuSourceEveryMinute() {
        assertThat(alarmStates()).containsExactly("OK", "ALARM");
        double average = inWorld(w -> w.cloudWatch().datapoints(new MetricQuery(CloudWatchState.EC2, CloudWatchState.CPU,
                Map.of("AutoScalingGroupName", MEDIA), T0.minusSeconds(60), T0, 60, null)).get(0).average());
        assertThat(average).as("an idle media node").isBetween(5.0, 15.0);
        CpuSource idle = inWorld(w -> w.cloudWatch().cpuSource());
        inWorld(w -> {
            w.cloudWatch().setCpuSource((id, minute) -> w.mediaGroup().instance(id).isPresent() ? 50.0 : idle.percent(id, minute));
            return null;
        });
        twin.advance(Duration.ofSeconds(60));
        assertThat(alarmStates()).as("between the thresholds").containsExactly("OK", "OK");
        inWorld(w -> {
            w.cloudWatch().setCpuSource((id, minute) -> w.mediaGroup().instance(id).isPresent() ? 85.0 : idle.percent(id, minute));
            return null;
        });
        twin.advance(Duration.ofSeconds(60));
        assertThat(alarmStates()).containsExactly("ALARM", "OK");
        inWorld(w -> {
            w.cloudWatch().setCpuSource(idle);
            return null;
        });
        twin.advance(Duration.ofSeconds(60));
        assertThat(alarmStates()).containsExactly("OK", "ALARM");
        assertThat(events(twin, "alarm.state", null)).extracting(e -> e.details().get("to"))
                .containsExactly("OK", "ALARM", "OK", "ALARM", "OK", "ALARM");
    }

    @Test
    void messageTrafficDoesNotChangeTheInstanceIdsAScenarioSees() {
        try (Twin quiet = Twin.start(TwinOptions.deterministic())) {
            twin.advance(Duration.ofSeconds(60));
            receive().orElseThrow();
            quiet.advance(Duration.ofSeconds(60));
            for (Twin t : List.of(twin, quiet)) {
                t.inWorld(w -> {
                    w.autoScaling().setDesiredCapacity(w.mediaGroup(), 3);
                    return null;
                });
            }
            assertThat(events(twin, "asg.launch", null).get(0).subject())
                    .isEqualTo(events(quiet, "asg.launch", null).get(0).subject());
        }
    }

    private <T> T inWorld(Function<World, T> work) {
        return twin.inWorld(work);
    }

    private int visible() {
        return inWorld(w -> w.sqs().visibleCount(QUEUE));
    }

    private int inFlight() {
        return inWorld(w -> w.sqs().inFlightCount(QUEUE));
    }

    private Optional<ReceivedMessage> receive() {
        return inWorld(w -> w.sqs().receive(QUEUE));
    }

    private DeleteOutcome delete(String handle) {
        return inWorld(w -> w.sqs().delete(QUEUE, handle));
    }

    private List<String> alarmStates() {
        return inWorld(w -> w.cloudWatch().alarms().stream().map(MetricAlarm::stateValue).toList());
    }

    private List<Datapoint> datapoints(String metric, int period) {
        Instant now = twin.clock().now();
        return inWorld(w -> w.cloudWatch().datapoints(new MetricQuery(CloudWatchState.SQS, metric, Map.of("QueueName", QUEUE),
                T0, now, period, null)));
    }

    private List<Double> sentPerMinute() {
        return datapoints("NumberOfMessagesSent", 60).stream().map(Datapoint::sum).toList();
    }
}
