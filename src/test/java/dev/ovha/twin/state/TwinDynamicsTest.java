package dev.ovha.twin.state;

import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.sim.TwinEvent;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static dev.ovha.twin.TwinTestSupport.events;
import static dev.ovha.twin.TwinTestSupport.inService;
import static dev.ovha.twin.TwinTestSupport.masters;
import static dev.ovha.twin.TwinTestSupport.media;
import static dev.ovha.twin.TwinTestSupport.perZone;
import static dev.ovha.twin.TwinTestSupport.targetState;
import static org.assertj.core.api.Assertions.assertThat;

/** The twin's dynamics on a manual virtual clock: every timing below is the template's default. */
class TwinDynamicsTest {

    @AutoClose
    private final Twin twin = Twin.start(TwinOptions.deterministic());

    @Test
    void theSeededStackStartsInItsSteadyState() {
        AutoScalingGroup masters = masters(twin);
        assertThat(inService(twin, masters)).hasSize(2);
        assertThat(perZone(twin, masters)).containsOnlyKeys("us-east-1a", "us-east-1b");
        assertThat(inService(twin, masters)).allSatisfy(id -> assertThat(targetState(twin, id)).isEqualTo("healthy"));
        assertThat(inService(twin, media(twin))).hasSize(2);
        twin.advance(Duration.ofMinutes(10));
        assertThat(inService(twin, masters)).hasSize(2);
        assertThat(inService(twin, masters)).allSatisfy(id -> assertThat(targetState(twin, id)).isEqualTo("healthy"));
        assertThat(events(twin, "asg.launch", null)).as("nothing is replaced in a healthy stack").isEmpty();
    }

    @Test
    void scalingOutLaunchesBalancedAcrossZonesAndNewMastersBecomeHealthyAfterThreeChecks() {
        AutoScalingGroup masters = masters(twin);
        twin.inWorld(w -> {
            w.autoScaling().setDesiredCapacity(masters, 4);
            return null;
        });
        assertThat(perZone(twin, masters)).containsEntry("us-east-1a", 2L).containsEntry("us-east-1b", 2L);
        twin.advance(Duration.ofMinutes(3));
        List<String> ids = inService(twin, masters);
        assertThat(ids).hasSize(4);
        assertThat(ids).allSatisfy(id -> assertThat(targetState(twin, id)).isEqualTo("healthy"));
        String newcomer = events(twin, "asg.launch", null).get(0).subject();
        TwinEvent running = events(twin, "instance.running", newcomer).get(0);
        TwinEvent healthy = events(twin, "target.healthy", newcomer).get(0);
        // boot 20 s, OpenVidu start 60 s, then three passing checks 10 s apart
        Duration toHealthy = Duration.between(running.virtualTime(), healthy.virtualTime());
        assertThat(toHealthy).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(100));
    }

    @Test
    void scalingInTerminatesFromTheFullestZoneAfterDraining() {
        AutoScalingGroup masters = masters(twin);
        twin.inWorld(w -> {
            w.autoScaling().setDesiredCapacity(masters, 3);
            return null;
        });
        twin.advance(Duration.ofMinutes(3));
        twin.inWorld(w -> {
            w.autoScaling().setDesiredCapacity(masters, 1);
            return null;
        });
        assertThat(masters.activeInstances()).hasSize(1);
        twin.advance(Duration.ofMinutes(2));
        int members = twin.inWorld(w -> masters.instances().size());
        assertThat(members).as("still draining (300 s)").isEqualTo(3);
        twin.advance(Duration.ofMinutes(5));
        members = twin.inWorld(w -> masters.instances().size());
        assertThat(members).isEqualTo(1);
        List<String> terminated = events(twin, "instance.terminated", null).stream().map(TwinEvent::subject).toList();
        assertThat(terminated).hasSize(2);
        String cause = twin.inWorld(w -> masters.activities().get(0).cause());
        assertThat(cause).contains("shrinking the capacity from");
    }

    @Test
    void aTerminatedMasterIsDrainedAndReplaced() {
        AutoScalingGroup masters = masters(twin);
        String victim = inService(twin, masters).get(0);
        String zone = twin.inWorld(w -> w.ec2().instance(victim).orElseThrow().availabilityZone());
        twin.inWorld(w -> w.ec2().terminate(w.ec2().instance(victim).orElseThrow(), "User initiated"));
        twin.advance(Duration.ofSeconds(30));
        InstanceState state = twin.inWorld(w -> w.ec2().instance(victim).orElseThrow().state());
        assertThat(state).isEqualTo(InstanceState.TERMINATED);
        List<TwinEvent> launches = events(twin, "asg.launch", null);
        assertThat(launches).as("the health sweep notices within 10 s and launches a replacement").hasSize(1);
        assertThat(launches.get(0).details()).containsEntry("zone", zone);
        twin.advance(Duration.ofMinutes(3));
        String replacement = launches.get(0).subject();
        assertThat(targetState(twin, replacement)).isEqualTo("healthy");
        assertThat(inService(twin, masters)).hasSize(2).doesNotContain(victim).contains(replacement);
    }

    @Test
    void aTargetBecomesUnhealthyAfterFourFailedChecksAndHealthyAgainAfterThreeGoodOnes() {
        String master = inService(twin, masters(twin)).get(0);
        twin.inWorld(w -> {
            w.masterGroup().suspend("ReplaceUnhealthy");
            return null;
        });
        twin.inject(Fault.MASTER_UNHEALTHY);
        twin.advance(Duration.ofSeconds(35));
        assertThat(targetState(twin, master)).as("three failures are not enough").isEqualTo("healthy");
        twin.advance(Duration.ofSeconds(10));
        assertThat(targetState(twin, master)).isEqualTo("unhealthy");
        String reason = twin.inWorld(w -> w.elb().targetGroups().get(0).target(master).orElseThrow().reason());
        assertThat(reason).isEqualTo("Target.ResponseCodeMismatch");
        twin.clear(Fault.MASTER_UNHEALTHY);
        twin.advance(Duration.ofSeconds(15));
        assertThat(targetState(twin, master)).as("two passes are not enough").isEqualTo("unhealthy");
        twin.advance(Duration.ofSeconds(10));
        assertThat(targetState(twin, master)).isEqualTo("healthy");
    }

    @Test
    void anUnhealthyMasterIsTakenOutOfServiceAndReplaced() {
        twin.inject(Fault.MASTER_UNHEALTHY);
        String victim = twin.inWorld(w -> w.masterGroup().activeInstances().get(0).instanceId());
        twin.advance(Duration.ofSeconds(45));
        // the seeded masters are past their grace period, so the ELB health check takes the victim out at once
        assertThat(events(twin, "asg.unhealthy", victim)).hasSize(1);
        assertThat(events(twin, "asg.launch", null)).hasSize(1);
        assertThat(targetState(twin, victim)).isEqualTo("draining");
    }

    @Test
    void aNewMasterIsNotReplacedWhileItsGracePeriodLasts() {
        AutoScalingGroup masters = masters(twin);
        twin.inject(Fault.SLOW_MASTER_REPLACEMENT);
        twin.inWorld(w -> {
            w.autoScaling().setDesiredCapacity(masters, 3);
            return null;
        });
        String newcomer = events(twin, "asg.launch", null).get(0).subject();
        twin.advance(Duration.ofSeconds(150));
        assertThat(targetState(twin, newcomer)).as("slow start: still failing checks").isEqualTo("unhealthy");
        assertThat(events(twin, "asg.unhealthy", newcomer)).as("inside the 180 s grace period").isEmpty();
        twin.advance(Duration.ofSeconds(40));
        assertThat(events(twin, "asg.unhealthy", newcomer)).as("grace period over").hasSize(1);
    }

    @Test
    void withoutReplacementsTheMasterGroupStaysShort() {
        twin.inject(Fault.NO_MASTER_REPLACEMENT);
        String victim = inService(twin, masters(twin)).get(0);
        twin.inWorld(w -> w.ec2().terminate(w.ec2().instance(victim).orElseThrow(), "User initiated"));
        twin.advance(Duration.ofMinutes(10));
        assertThat(events(twin, "asg.launch", null)).isEmpty();
        assertThat(inService(twin, masters(twin))).hasSize(1);
        Set<String> suspended = twin.inWorld(w -> Set.copyOf(w.masterGroup().suspendedProcesses()));
        assertThat(suspended).containsExactly("Launch");
    }

    @Test
    void aMediaNodeWaitsOnItsLifecycleHooks() {
        AutoScalingGroup media = media(twin);
        twin.inWorld(w -> {
            w.autoScaling().setDesiredCapacity(media, 3);
            return null;
        });
        String newcomer = events(twin, "asg.launch", null).get(0).subject();
        twin.advance(Duration.ofSeconds(25));
        assertThat(lifecycle(media, newcomer)).isEqualTo(LifecycleState.PENDING_WAIT);
        twin.advance(Duration.ofSeconds(30));
        assertThat(lifecycle(media, newcomer)).isEqualTo(LifecycleState.IN_SERVICE);
    }

    @Test
    void theSameSeedGivesTheSameStack() {
        try (Twin other = Twin.start(TwinOptions.deterministic())) {
            assertThat(inService(other, masters(other))).isEqualTo(inService(twin, masters(twin)));
        }
        try (Twin other = Twin.start(TwinOptions.deterministic().withSeed(7))) {
            assertThat(inService(other, masters(other))).isNotEqualTo(inService(twin, masters(twin)));
        }
    }

    @Test
    void mastersInOneZoneWhenBothSubnetsShareIt() {
        try (Twin other = Twin.start(TwinOptions.deterministic().withFaults(Set.of(Fault.MASTERS_ONE_AZ)))) {
            assertThat(perZone(other, masters(other))).containsOnlyKeys("us-east-1a");
        }
    }

    private LifecycleState lifecycle(AutoScalingGroup group, String id) {
        return twin.inWorld(w -> group.instance(id).orElseThrow().lifecycleState());
    }
}
