package dev.ovha.twin.openvidu;

import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.state.AutoScalingGroup;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ovha.twin.TwinTestSupport.events;
import static dev.ovha.twin.TwinTestSupport.media;
import static org.assertj.core.api.Assertions.assertThat;

/** Events reach the masters through the queue; each is handled by exactly one replication-manager. */
class ReplicationManagerTest {

    @AutoClose
    private final Twin twin = Twin.start(TwinOptions.deterministic());

    @Test
    void scheduleNotificationsAreLoggedOnceEachBySomeMaster() {
        twin.advance(Duration.ofMinutes(3));
        List<String> lines = allLogLines("Notification content: {\"source\":\"custom.autoscaling_schedule\"");
        assertThat(lines).hasSizeBetween(2, 3);
        assertThat(lines).doesNotHaveDuplicates();
        assertThat(lines.get(0)).contains("i.o.r.m.s.SQSNotificationListenerAWS     : Notification content: "
                + "{\"source\":\"custom.autoscaling_schedule\",\"detail\":{\"time\":\"2026-01-05T09:0");
    }

    @Test
    void aNewMediaNodeIsRegisteredEverywhereAndALeavingOneDeregistered() {
        AutoScalingGroup media = media(twin);
        twin.inWorld(w -> {
            w.autoScaling().setDesiredCapacity(media, 3);
            return null;
        });
        String newcomer = events(twin, "asg.launch", null).get(0).subject();
        twin.advance(Duration.ofSeconds(40));
        assertThat(registered()).contains(newcomer);
        assertThat(allLogLines("New Media Node (" + newcomer + ",10.0.")).hasSize(1);
        assertThat(allLogLines("launched in autoscaling group").get(0)).endsWith("launched in autoscaling group");
        twin.inWorld(w -> w.autoScaling().terminateMember(media, media.instance(newcomer).orElseThrow(), true));
        twin.advance(Duration.ofSeconds(20));
        assertThat(registered()).doesNotContain(newcomer);
        assertThat(allLogLines("Media Node (" + newcomer + ",")).filteredOn(l -> l.endsWith("terminated in autoscaling group")).hasSize(1);
    }

    @Test
    void withoutEventsANewMediaNodeIsNeverRegistered() {
        twin.inject(Fault.EVENTS_NOT_DELIVERED);
        AutoScalingGroup media = media(twin);
        twin.inWorld(w -> {
            w.autoScaling().setDesiredCapacity(media, 3);
            return null;
        });
        String newcomer = events(twin, "asg.launch", null).get(0).subject();
        twin.advance(Duration.ofMinutes(3));
        assertThat(registered()).doesNotContain(newcomer).hasSize(2);
        assertThat(allLogLines("Notification content")).isEmpty();
    }

    @Test
    void launchEventsThatAreConsumedButNotActedOn() {
        twin.inject(Fault.LAUNCH_NOT_REGISTERED);
        AutoScalingGroup media = media(twin);
        twin.inWorld(w -> {
            w.autoScaling().setDesiredCapacity(media, 3);
            return null;
        });
        String newcomer = events(twin, "asg.launch", null).get(0).subject();
        twin.advance(Duration.ofMinutes(2));
        assertThat(registered()).doesNotContain(newcomer);
        assertThat(allLogLines("\"EC2InstanceId\":\"" + newcomer + "\"")).hasSize(1);
        assertThat(allLogLines("New Media Node")).isEmpty();
    }

    @Test
    void aMediaNodeThatDiesWithoutATerminateEventIsFoundCrashed() {
        String victim = twin.inWorld(w -> w.mediaGroup().activeInstances().get(0).instanceId());
        twin.inWorld(w -> w.ec2().terminate(w.ec2().instance(victim).orElseThrow(), "User initiated"));
        twin.advance(Duration.ofSeconds(20));
        assertThat(registered()).doesNotContain(victim);
        assertThat(events(twin, "medianode.crashed", victim)).hasSize(1);
    }

    /**
     * The group's terminate event for a dead media node can reach a master inside the reconnection window and
     * deregister the node before the masters give up on it; its sessions died with the instance all the same.
     */
    @Test
    void aDeadNodesSessionsCloseEvenWhenItsTerminateEventIsHandledFirst() {
        String victim = twin.inWorld(w -> w.mediaGroup().activeInstances().get(0).instanceId());
        String session = twin.inWorld(w -> w.openVidu().createSession(w.openVidu().masters().get(0), Optional.of("doomed"),
                Map.of(), Optional.of("media_" + victim)).id());
        twin.inWorld(w -> {
            w.ec2().terminate(w.ec2().instance(victim).orElseThrow(), "User initiated");
            w.openVidu().deregisterMediaNode(w.openVidu().masters().get(0), victim, "10.0.0.1");
            return null;
        });
        twin.advance(Duration.ofSeconds(20));
        assertThat(registered()).doesNotContain(victim);
        Optional<SessionRecord> left = twin.inWorld(w -> w.openVidu().sessions().find(session));
        assertThat(left).isEmpty();
        assertThat(events(twin, "medianode.sessions-closed", "media_" + victim)).hasSize(1);
    }

    private List<String> registered() {
        return twin.inWorld(w -> w.openVidu().mediaNodes().stream().map(MediaNodeRecord::environmentId).toList());
    }

    private List<String> allLogLines(String fragment) {
        return twin.inWorld(w -> w.openVidu().masters().stream()
                .flatMap(m -> m.log().lines().stream())
                .map(NodeLog.Line::text)
                .filter(t -> t.contains(fragment))
                .toList());
    }
}
