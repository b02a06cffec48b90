package dev.ovha.twin.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovha.tls.PemTrust;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinEndpoints;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.control.StateDump;
import dev.ovha.twin.state.fis.ActionRun;
import dev.ovha.twin.state.fis.ActionStatus;
import dev.ovha.twin.state.fis.Experiment;
import dev.ovha.twin.state.fis.ExperimentStatus;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static dev.ovha.twin.TwinTestSupport.events;
import static dev.ovha.twin.TwinTestSupport.inService;
import static dev.ovha.twin.TwinTestSupport.masters;
import static dev.ovha.twin.TwinTestSupport.media;
import static dev.ovha.twin.TwinTestSupport.targetState;
import static dev.ovha.twin.state.FisTemplates.instance;
import static dev.ovha.twin.state.FisTemplates.runningInstancesOfGroup;
import static dev.ovha.twin.state.FisTemplates.subnetInZone;
import static dev.ovha.twin.state.FisTemplates.template;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * FIS experiments acting on the twin's stack, on a manual clock: what each action does to EC2, Auto
 * Scaling, the load balancer and SSM, when it completes, and how experiments stop and fail.
 */
class FisDynamicsTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final String MASTERS = "ovha-twin-ASGOpenViduProMasterNode";
    private static final String MEDIA = "ovha-twin-ASGMediaNode";

    @AutoClose
    private final Twin twin = Twin.start(TwinOptions.deterministic());

    @Test
    void terminatingOneMasterChosenAtRandomGetsItReplaced() {
        String id = run(template().target("masters", runningInstancesOfGroup(MASTERS, "COUNT(1)"))
                .action("kill", "aws:ec2:terminate-instances", Map.of(), "Instances", "masters"));
        twin.advance(Duration.ofSeconds(1));
        String victim = inWorld(w -> w.fis().experiment(id).resolvedTargets().get(0).resourceId());
        assertThat(inService(twin, masters(twin))).contains(victim);
        twin.advance(Duration.ofSeconds(15));
        assertThat(experiment(id).status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(instanceState(victim)).isEqualTo(InstanceState.TERMINATED);
        assertThat(events(twin, "fis.experiment", id)).extracting(e -> e.details().get("status"))
                .containsExactly("initiating", "running", "completed");
        assertThat(events(twin, "fis.action", id + "/kill")).extracting(e -> e.details().get("status"))
                .containsExactly("running", "completed");
        assertThat(events(twin, "asg.launch", null)).as("the group replaces its lost master").hasSize(1);
        twin.advance(Duration.ofMinutes(3));
        List<String> masters = inService(twin, masters(twin));
        assertThat(masters).hasSize(2).doesNotContain(victim);
        assertThat(masters).allSatisfy(m -> assertThat(targetState(twin, m)).isEqualTo("healthy"));
    }

    @Test
    void theSameSeedPicksTheSameVictimAndOtherTrafficDoesNotChangeIt() {
        String first = victimOfCount1(twin);
        try (Twin other = Twin.start(TwinOptions.deterministic())) {
            other.advance(Duration.ofSeconds(90));
            other.inWorld(w -> w.sqs().receive("ovha-twin-SQS.fifo"));
            String again = victimOfCount1(other);
            assertThat(again).isEqualTo(first);
        }
    }

    @Test
    void stoppedInstancesAreStartedAgainAfterStartInstancesAfterDuration() {
        String node = inService(twin, media(twin)).get(0);
        inWorld(w -> {
            // Auto Scaling would replace a stopped member (EC2 health check); keep it for this test.
            w.mediaGroup().suspend("ReplaceUnhealthy");
            return null;
        });
        String id = run(template().target("node", instance(node))
                .action("stop", "aws:ec2:stop-instances", Map.of("startInstancesAfterDuration", "PT2M"), "Instances", "node"));
        twin.advance(Duration.ofSeconds(16));
        assertThat(instanceState(node)).isEqualTo(InstanceState.STOPPED);
        assertThat(action(id, "stop").status()).isEqualTo(ActionStatus.RUNNING);
        twin.advance(Duration.ofSeconds(105));
        assertThat(instanceState(node)).as("started 2 minutes after the action began").isEqualTo(InstanceState.PENDING);
        twin.advance(Duration.ofSeconds(20));
        assertThat(instanceState(node)).isEqualTo(InstanceState.RUNNING);
        assertThat(experiment(id).status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(action(id, "stop").endTime()).isEqualTo(T0.plusSeconds(141));
    }

    @Test
    void aStoppedGroupMemberIsReplacedWhichCompletesTheActionOnlyIfAllowed() {
        List<String> masters = inService(twin, masters(twin));
        String allowed = run(template().target("m", instance(masters.get(0)))
                .action("stop", "aws:ec2:stop-instances", Map.of("startInstancesAfterDuration", "PT5M",
                        "completeIfInstancesTerminated", "true"), "Instances", "m"));
        String strict = run(template().target("m", instance(masters.get(1)))
                .action("stop", "aws:ec2:stop-instances", Map.of("startInstancesAfterDuration", "PT5M"), "Instances", "m"));
        // Auto Scaling sees the stopping members as impaired, drains them (300 s) and terminates them.
        twin.advance(Duration.ofSeconds(330));
        assertThat(experiment(allowed).status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(experiment(strict).status()).isEqualTo(ExperimentStatus.FAILED);
        assertThat(experiment(strict).reason()).startsWith("Action stop failed: instance " + masters.get(1) + " was terminated");
        assertThat(action(strict, "stop").status()).isEqualTo(ActionStatus.FAILED);
        assertThat(inService(twin, masters(twin))).hasSize(2).doesNotContainAnyElementsOf(masters);
    }

    @Test
    void aCutSubnetTakesItsMasterOutOfTheLoadBalancerUntilConnectivityReturns() throws Exception {
        String masterA = masterIn("us-east-1a");
        String masterB = masterIn("us-east-1b");
        String subnetA = inWorld(w -> w.ec2().instance(masterA).orElseThrow().subnet().id());
        String id = run(template().target("zoneA", subnetInZone("us-east-1a"))
                .action("cut", "aws:network:disrupt-connectivity", Map.of("duration", "PT3M"), "Subnets", "zoneA"));
        twin.advance(Duration.ofSeconds(1));
        assertThat(reachable(masterA)).isFalse();
        assertThat(reachable(masterB)).isTrue();
        Object dumped = inWorld(w -> StateDump.of(w).get("cutSubnets"));
        assertThat(dumped).as("the control API's state dump").isEqualTo(List.of(subnetA));
        boolean ssmReaches = inWorld(w -> w.ssm().isManaged(masterA));
        assertThat(ssmReaches).as("SSM cannot reach it either").isFalse();
        assertThat(events(twin, "network.cut", subnetA)).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("zone", "us-east-1a").containsEntry("cause", id));

        twin.advance(Duration.ofSeconds(34));
        assertThat(targetState(twin, masterA)).as("three timeouts are not enough").isEqualTo("healthy");
        List<Answer> meanwhile = loadBalancer(4);
        assertThat(meanwhile).as("routed to the cut master: no answer").anyMatch(a -> a.status() == 502);
        assertThat(meanwhile).filteredOn(a -> a.status() == 200).allMatch(a -> a.instanceId().equals(masterB));

        twin.advance(Duration.ofSeconds(6));
        assertThat(targetState(twin, masterA)).isEqualTo("unhealthy");
        String reason = inWorld(w -> w.elb().targetGroups().get(0).target(masterA).orElseThrow().reason());
        assertThat(reason).isEqualTo("Target.Timeout");
        assertThat(loadBalancer(4)).allMatch(a -> a.status() == 200 && a.instanceId().equals(masterB));

        twin.advance(Duration.ofSeconds(141));
        assertThat(experiment(id).status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(action(id, "cut").endTime()).isEqualTo(T0.plusSeconds(181));
        List<String> cut = inWorld(w -> w.network().cutSubnets());
        assertThat(cut).isEmpty();
        assertThat(events(twin, "network.restored", subnetA)).singleElement()
                .satisfies(e -> assertThat(e.virtualTime()).isEqualTo(T0.plusSeconds(181)));

        // The group replaced the unreachable master in its own zone; once the network is back the newcomer
        // passes its checks and the load balancer serves both zones again.
        twin.advance(Duration.ofMinutes(2));
        List<String> masters = inService(twin, masters(twin));
        assertThat(masters).hasSize(2).contains(masterB).doesNotContain(masterA);
        assertThat(masters).allSatisfy(m -> assertThat(targetState(twin, m)).isEqualTo("healthy"));
        assertThat(loadBalancer(4)).allMatch(a -> a.status() == 200).extracting(Answer::instanceId)
                .containsAll(masters);
    }

    @Test
    void stoppingTheExperimentBringsTheNetworkBackAtOnce() {
        String masterA = masterIn("us-east-1a");
        String id = run(template().target("zoneA", subnetInZone("us-east-1a"))
                .action("cut", "aws:network:disrupt-connectivity", Map.of("duration", "PT10M"), "Subnets", "zoneA"));
        twin.advance(Duration.ofSeconds(20));
        inWorld(w -> w.fis().stopExperiment(id));
        assertThat(reachable(masterA)).isTrue();
        assertThat(experiment(id).status()).isEqualTo(ExperimentStatus.STOPPING);
        twin.advance(Duration.ofSeconds(2));
        assertThat(experiment(id).status()).isEqualTo(ExperimentStatus.STOPPED);
        assertThat(action(id, "cut").status()).isEqualTo(ActionStatus.STOPPED);
        twin.advance(Duration.ofSeconds(30));
        assertThat(targetState(twin, masterA)).as("two timeouts only, then passes").isEqualTo("healthy");
    }

    @Test
    void aMasterInACutSubnetConsumesNothingFromTheQueue() {
        String masterA = masterIn("us-east-1a");
        String masterB = masterIn("us-east-1b");
        inWorld(w -> {
            // Keep the unreachable master in the group: this test watches it, not its replacement.
            w.masterGroup().suspend("ReplaceUnhealthy");
            return null;
        });
        run(template().target("zoneA", subnetInZone("us-east-1a"))
                .action("cut", "aws:network:disrupt-connectivity", Map.of("duration", "PT5M"), "Subnets", "zoneA"));
        long before = notifications(masterA);
        twin.advance(Duration.ofMinutes(4));
        assertThat(notifications(masterA)).as("cut off: it cannot reach SQS").isEqualTo(before);
        assertThat(notifications(masterB)).as("every schedule message went to the other master").isGreaterThanOrEqualTo(3);
    }

    @Test
    void actionsRunInTheirStartAfterOrder() {
        String id = run(template().target("masters", runningInstancesOfGroup(MASTERS, "COUNT(1)"))
                .action("first", "aws:fis:wait", Map.of("duration", "PT1M"), null, null)
                .action("second", "aws:fis:wait", Map.of("duration", "PT2M"), null, null, "first")
                .action("kill", "aws:ec2:terminate-instances", Map.of(), "Instances", "masters", "first", "second"));
        twin.advance(Duration.ofSeconds(61));
        assertThat(action(id, "second").status()).isEqualTo(ActionStatus.RUNNING);
        assertThat(action(id, "kill").status()).isEqualTo(ActionStatus.PENDING);
        twin.advance(Duration.ofSeconds(120));
        assertThat(action(id, "kill").status()).isEqualTo(ActionStatus.RUNNING);
        assertThat(action(id, "kill").startTime()).isEqualTo(T0.plusSeconds(181));
        twin.advance(Duration.ofSeconds(15));
        assertThat(experiment(id).status()).isEqualTo(ExperimentStatus.COMPLETED);
    }

    @Test
    void anExperimentWithoutTargetsFailsAndTouchesNothing() {
        String id = run(template().target("ghosts", runningInstancesOfGroup("no-such-group", "ALL"))
                .action("kill", "aws:ec2:terminate-instances", Map.of(), "Instances", "ghosts"));
        twin.advance(Duration.ofSeconds(1));
        assertThat(experiment(id).status()).isEqualTo(ExperimentStatus.FAILED);
        assertThat(experiment(id).reason()).isEqualTo("Target resolution failed: no resources were found for target ghosts.");
        assertThat(action(id, "kill").status()).isEqualTo(ActionStatus.CANCELLED);
        assertThat(events(twin, "fis.experiment", id)).extracting(e -> e.details().get("status"))
                .containsExactly("initiating", "failed");
        assertThat(events(twin, "instance.shutting-down", null)).isEmpty();
    }

    @Test
    void aStopConditionAlarmAlreadyInAlarmStopsTheExperimentBeforeAnyAction() {
        // On an idle stack the scale-down alarm is in ALARM for good.
        String lowAlarm = inWorld(w -> w.cloudWatch().alarms().get(1).arn());
        String id = run(template().target("masters", runningInstancesOfGroup(MASTERS, "COUNT(1)"))
                .action("kill", "aws:ec2:terminate-instances", Map.of(), "Instances", "masters")
                .stopWhenInAlarm(lowAlarm));
        twin.advance(Duration.ofSeconds(5));
        Experiment stopped = experiment(id);
        assertThat(stopped.status()).isEqualTo(ExperimentStatus.STOPPED);
        assertThat(stopped.reason()).contains(lowAlarm).contains("stop condition");
        assertThat(action(id, "kill").status()).isEqualTo(ActionStatus.CANCELLED);
        assertThat(events(twin, "instance.shutting-down", null)).isEmpty();
    }

    private String victimOfCount1(Twin target) {
        String id = target.inWorld(w -> w.fis().startExperiment(UUID.randomUUID().toString(), w.fis().createTemplate("t",
                template().target("masters", runningInstancesOfGroup(MASTERS, "COUNT(1)"))
                        .action("kill", "aws:ec2:terminate-instances", Map.of(), "Instances", "masters").build(), Map.of()).id(),
                "skip-all", Map.of()).id());
        target.advance(Duration.ofSeconds(1));
        return target.inWorld(w -> w.fis().experiment(id).resolvedTargets().get(0).resourceId());
    }

    private String run(FisTemplates template) {
        return inWorld(w -> {
            String templateId = w.fis().createTemplate(UUID.randomUUID().toString(), template.build(), Map.of()).id();
            return w.fis().startExperiment(UUID.randomUUID().toString(), templateId, "run-all", Map.of()).id();
        });
    }

    private Experiment experiment(String id) {
        return inWorld(w -> w.fis().experiment(id));
    }

    private ActionRun action(String id, String name) {
        return inWorld(w -> w.fis().experiment(id).actions().get(name));
    }

    private InstanceState instanceState(String instanceId) {
        return inWorld(w -> w.ec2().instance(instanceId).orElseThrow().state());
    }

    private String masterIn(String zone) {
        return inWorld(w -> w.masterGroup().activeInstances().stream().filter(m -> m.availabilityZone().equals(zone))
                .findFirst().orElseThrow().instanceId());
    }

    private long notifications(String master) {
        return inWorld(w -> w.openVidu().master(master).orElseThrow().log().lines().stream()
                .filter(l -> l.text().contains("Notification content:")).count());
    }

    private boolean reachable(String instanceId) {
        return inWorld(w -> w.network().isReachable(instanceId));
    }

    private <T> T inWorld(Function<World, T> work) {
        return twin.inWorld(work);
    }

    private record Answer(int status, String instanceId) {
    }

    /** {@code n} requests through the twin's HTTPS load balancer: status and the master that answered. */
    private List<Answer> loadBalancer(int n) throws Exception {
        TwinEndpoints endpoints = twin.endpoints();
        HttpClient http = HttpClient.newBuilder().sslContext(PemTrust.sslContext(endpoints.caPem())).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("OPENVIDUAPP:" + endpoints.secret())
                .getBytes(StandardCharsets.UTF_8));
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoints.openviduUrl().resolve("/openvidu/api/config"))
                    .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
            String instanceId = response.statusCode() == 200
                    ? new ObjectMapper().readTree(response.body()).path("AWS_INSTANCE_ID").asText() : "";
            answers.add(new Answer(response.statusCode(), instanceId));
        }
        return answers;
    }
}
