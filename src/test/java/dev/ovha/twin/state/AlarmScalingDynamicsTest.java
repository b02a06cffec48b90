package dev.ovha.twin.state;

import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.sim.TwinEvent;
import dev.ovha.twin.state.cloudwatch.CloudWatchState;
import dev.ovha.twin.state.cloudwatch.CpuSource;
import dev.ovha.twin.state.cloudwatch.Datapoint;
import dev.ovha.twin.state.cloudwatch.MetricAlarm;
import dev.ovha.twin.state.cloudwatch.MetricQuery;
import dev.ovha.twin.state.fis.ActionStatus;
import dev.ovha.twin.state.fis.Experiment;
import dev.ovha.twin.state.fis.ExperimentStatus;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static dev.ovha.twin.TwinTestSupport.events;
import static dev.ovha.twin.TwinTestSupport.inService;
import static dev.ovha.twin.TwinTestSupport.media;
import static dev.ovha.twin.state.FisTemplates.CPU_STRESS;
import static dev.ovha.twin.state.FisTemplates.runningInstancesOfGroup;
import static dev.ovha.twin.state.FisTemplates.template;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media group's CPU alarms executing its simple scaling policies (±1, cooldown 60 s, within
 * MinSize..MaxSize), driven by FIS's AWSFIS-Run-CPU-Stress, on a manual clock. The seeded group has
 * MinSize 2 = its size and MaxSize 4.
 */
class AlarmScalingDynamicsTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final String MEDIA = "ovha-twin-ASGMediaNode";

    @AutoClose
    private final Twin twin = Twin.start(TwinOptions.deterministic());

    @Test
    void anIdleStackStaysAsDeployedAlthoughItsScaleDownAlarmIsInAlarm() {
        twin.advance(Duration.ofMinutes(10));
        assertThat(alarmStates()).containsExactly("OK", "ALARM");
        assertThat(desired()).isEqualTo(2);
        assertThat(inService(twin, media(twin))).hasSize(2);
        assertThat(events(twin, "asg.policy", null)).as("at MinSize the -1 policy is a no-op").isEmpty();
        assertThat(events(twin, "asg.launch", null)).isEmpty();
    }

    @Test
    void aCpuStressRaisesTheMediaCpuAndTheScaleUpPolicyAddsANode() {
        String id = stressMedia("PT5M", "300", Map.of());
        twin.advance(Duration.ofSeconds(60));
        // Stressed from 09:00:01: 59 of the minute's 60 seconds at 100 %.
        List<Datapoint> cpu = inWorld(w -> w.cloudWatch().datapoints(new MetricQuery(CloudWatchState.EC2, CloudWatchState.CPU,
                Map.of("AutoScalingGroupName", MEDIA), T0, T0.plusSeconds(60), 60, null)));
        assertThat(cpu).singleElement().satisfies(d -> assertThat(d.average()).isBetween(98.0, 100.0));
        assertThat(alarmStates()).containsExactly("ALARM", "OK");
        assertThat(desired()).isEqualTo(3);
        assertThat(events(twin, "asg.policy", MEDIA)).singleElement().satisfies(e -> {
            assertThat(e.virtualTime()).isEqualTo(T0.plusSeconds(60));
            assertThat(e.details()).containsEntry("from", "2").containsEntry("to", "3");
            assertThat(e.details().get("policy")).contains("MediaNodeScaleUpPolicy");
        });
        String cause = inWorld(w -> w.mediaGroup().activities().get(0).cause());
        assertThat(cause).startsWith("At 2026-01-05T09:01:00Z a monitor alarm ovha-twin-MediaNodeCPUAlarmHigh-")
                .contains("in state ALARM triggered policy ovha-twin-MediaNodeScaleUpPolicy-")
                .contains("changing the desired capacity from 2 to 3.");
        twin.advance(Duration.ofSeconds(60));
        assertThat(inService(twin, media(twin))).as("the new node passed its launch hook").hasSize(3);
        twin.advance(Duration.ofMinutes(4));
        assertThat(inWorld(w -> w.fis().experiment(id)).status()).isEqualTo(ExperimentStatus.COMPLETED);
    }

    @Test
    void theCooldownHoldsTheNextScaleUpAndMaxSizeStopsTheGroup() {
        // A busy media group: the nodes the stress does not cover run at 40 %, so the group stays above
        // 70 % on average while two of its nodes are stressed.
        inWorld(w -> {
            CpuSource idle = w.cloudWatch().cpuSource();
            w.cloudWatch().setCpuSource((instance, minute) -> w.mediaGroup().instance(instance).isPresent() ? 40.0
                    : idle.percent(instance, minute));
            return null;
        });
        stressMedia("PT10M", "600", Map.of());
        twin.advance(Duration.ofSeconds(120));
        assertThat(alarmStates().get(0)).as("still in ALARM at 09:02").isEqualTo("ALARM");
        assertThat(desired()).as("the first scale-out settled at 09:01:50: cooldown until 09:02:50").isEqualTo(3);
        twin.advance(Duration.ofSeconds(60));
        assertThat(desired()).isEqualTo(4);
        twin.advance(Duration.ofMinutes(5));
        assertThat(desired()).as("MaxSize").isEqualTo(4);
        assertThat(events(twin, "asg.policy", MEDIA)).extracting(TwinEvent::virtualTime)
                .containsExactly(T0.plusSeconds(60), T0.plusSeconds(180));
    }

    @Test
    void afterTheStressTheScaleDownOnlyLowersTheDesiredCapacityOfProtectedNodes() {
        stressMedia("PT2M", "120", Map.of());
        twin.advance(Duration.ofSeconds(180));
        assertThat(alarmStates()).containsExactly("OK", "ALARM");
        assertThat(events(twin, "asg.policy", MEDIA)).extracting(e -> e.details().get("to")).containsExactly("3", "2");
        assertThat(desired()).isEqualTo(2);
        assertThat(inService(twin, media(twin))).as("new nodes are protected from scale-in: nothing is terminated")
                .hasSize(3);
        assertThat(events(twin, "asg.terminate", null)).isEmpty();
        twin.advance(Duration.ofMinutes(5));
        assertThat(desired()).as("MinSize").isEqualTo(2);
        assertThat(events(twin, "asg.policy", MEDIA)).hasSize(2);
        assertThat(inService(twin, media(twin))).hasSize(3);
    }

    @Test
    void theScaleUpAlarmAsStopConditionStopsTheStressAndTheCpuComesBack() {
        CpuSource before = inWorld(w -> w.cloudWatch().cpuSource());
        String highAlarm = inWorld(w -> w.cloudWatch().alarms().get(0).arn());
        String id = stressMedia("PT10M", "600", Map.of("stop", highAlarm));
        twin.advance(Duration.ofSeconds(60));
        Experiment stopping = inWorld(w -> w.fis().experiment(id));
        assertThat(stopping.status()).isEqualTo(ExperimentStatus.STOPPING);
        assertThat(stopping.reason()).contains(highAlarm);
        twin.advance(Duration.ofSeconds(2));
        Experiment stopped = inWorld(w -> w.fis().experiment(id));
        assertThat(stopped.status()).isEqualTo(ExperimentStatus.STOPPED);
        assertThat(stopped.actions().get("stress").status()).isEqualTo(ActionStatus.STOPPED);
        assertThat(stopped.endTime()).isEqualTo(T0.plusSeconds(62));
        twin.advance(Duration.ofSeconds(60));
        assertThat(alarmStates().get(0)).as("the stress ended with the experiment").isEqualTo("OK");
        CpuSource after = inWorld(w -> w.cloudWatch().cpuSource());
        assertThat(after).as("FIS put the original CPU source back").isSameAs(before);
    }

    @Test
    void aStressOnInstancesSsmCannotReachFailsTheAction() {
        String id = inWorld(w -> {
            String template = w.fis().createTemplate(UUID.randomUUID().toString(), template()
                    .target("zoneA", FisTemplates.subnetInZone("us-east-1a"))
                    .target("media", runningInstancesOfGroup(MEDIA, "ALL"))
                    .action("cut", "aws:network:disrupt-connectivity", Map.of("duration", "PT5M"), "Subnets", "zoneA")
                    .action("stress", "aws:ssm:send-command", Map.of("documentArn", CPU_STRESS,
                            "documentParameters", "{\"DurationSeconds\":\"60\"}"), "Instances", "media", "cutFirst")
                    .action("cutFirst", "aws:fis:wait", Map.of("duration", "PT1M"), null, null)
                    .build(), Map.of()).id();
            return w.fis().startExperiment(UUID.randomUUID().toString(), template, "run-all", Map.of()).id();
        });
        twin.advance(Duration.ofSeconds(62));
        Experiment failed = inWorld(w -> w.fis().experiment(id));
        assertThat(failed.status()).isEqualTo(ExperimentStatus.FAILED);
        assertThat(failed.actions().get("stress").status()).isEqualTo(ActionStatus.FAILED);
        assertThat(failed.actions().get("stress").reason()).contains("could not be delivered");
        assertThat(failed.actions().get("cut").status()).as("the other running action is stopped").isEqualTo(ActionStatus.STOPPED);
        List<String> cut = inWorld(w -> w.network().cutSubnets());
        assertThat(cut).as("and its disruption undone").isEmpty();
    }

    /** Stresses every running media node to 100 % for {@code seconds}; {@code options} may name a stop alarm. */
    private String stressMedia(String duration, String seconds, Map<String, String> options) {
        FisTemplates template = template().target("media", runningInstancesOfGroup(MEDIA, "ALL"))
                .action("stress", "aws:ssm:send-command", Map.of("documentArn", CPU_STRESS,
                        "documentParameters", "{\"DurationSeconds\":\"" + seconds + "\",\"InstallDependencies\":\"True\"}",
                        "duration", duration), "Instances", "media");
        if (options.containsKey("stop")) {
            template.stopWhenInAlarm(options.get("stop"));
        }
        return inWorld(w -> {
            String templateId = w.fis().createTemplate(UUID.randomUUID().toString(), template.build(), Map.of()).id();
            return w.fis().startExperiment(UUID.randomUUID().toString(), templateId, "run-all", Map.of()).id();
        });
    }

    private int desired() {
        return inWorld(w -> w.mediaGroup().desiredCapacity());
    }

    private List<String> alarmStates() {
        return inWorld(w -> w.cloudWatch().alarms().stream().map(MetricAlarm::stateValue).toList());
    }

    private <T> T inWorld(Function<World, T> work) {
        return twin.inWorld(work);
    }
}
