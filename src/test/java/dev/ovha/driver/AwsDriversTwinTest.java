package dev.ovha.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ovha.report.Evidence;
import dev.ovha.report.Redactor;
import dev.ovha.report.ScenarioEvidence;
import dev.ovha.testing.TwinFixture;
import dev.ovha.twin.TwinOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AWS drivers against a twin whose listings come three to a page: what they return is what the
 * seeded stack holds, so every driver method reads every page.
 */
class AwsDriversTwinTest {
    @AutoClose
    private static final TwinFixture fixture = TwinFixture.of(TwinOptions.deterministic().withSize(3, 2));
    private static ExecutorService pool;
    private static Stack stack;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(3);
        stack = new StackDriver(fixture.aws(), Evidence.NONE).discover("ovha-twin");
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void theStackIsFoundWithItsPartsByTheTemplatesLogicalIds() {
        assertThat(stack.status()).isEqualTo("CREATE_COMPLETE");
        assertThat(stack.isDeployed()).isTrue();
        assertThat(stack.masterGroupName()).isEqualTo("ovha-twin-ASGOpenViduProMasterNode");
        assertThat(stack.mediaGroupName()).isEqualTo("ovha-twin-ASGMediaNode");
        assertThat(stack.targetGroupArn()).contains(":targetgroup/ovha-twin/");
        assertThat(stack.loadBalancerArn()).contains(":loadbalancer/app/ovha-twin-lb/");
        assertThat(stack.queueUrl()).hasValueSatisfying(u -> assertThat(u).endsWith("/ovha-twin-SQS.fifo"));
        assertThat(stack.lifecycleRuleName()).hasValue("ovha-twin-asg-lifecycle-rule");
        assertThat(stack.scheduleRuleName()).hasValue("ovha-twin-asg-rule");
        assertThat(stack.bucketName()).hasValueSatisfying(b -> assertThat(b).startsWith("ovha-twin-cluster-"));
        assertThat(stack.domainName()).isEqualTo("ovha-twin.ovha.test");
        assertThat(stack.subnetIds()).hasSize(2);
        assertThat(stack.parameter("OpenViduSecret")).hasValue(Stack.MASKED);
        assertThat(stack.resources()).hasSizeGreaterThan(30);
    }

    @Test
    void anUnknownStackIsNamedWithItsRegion() {
        assertThatThrownBy(() -> new StackDriver(fixture.aws(), Evidence.NONE).discover("no-such-stack"))
                .isInstanceOf(StackNotFound.class).hasMessage("Stack 'no-such-stack' does not exist in region us-east-1");
    }

    @Test
    void theMasterFleetJoinsTheGroupTargetHealthAndPrivateIps() {
        MasterFleetView fleet = new MasterFleet(fixture.aws(), Evidence.NONE, new Parallel(pool)).view(stack);
        assertThat(fleet.group().desiredCapacity()).isEqualTo(3);
        assertThat(fleet.masters()).hasSize(3).allSatisfy(m -> {
            assertThat(m.serving()).isTrue();
            assertThat(m.privateIp()).startsWith("10.0.");
            assertThat(m.target()).hasValueSatisfying(t -> assertThat(t.port()).isEqualTo(4443));
        });
        assertThat(fleet.targetGroup().name()).isEqualTo("ovha-twin");
        assertThat(fleet.targets()).hasSize(3);
        assertThat(fleet.servingIds()).hasSize(3);
    }

    @Test
    void theLoadBalancerHasTheTemplatesListenersAndHealthCheck() {
        LoadBalancer lb = new LoadBalancer(fixture.aws(), Evidence.NONE);
        LoadBalancerView view = lb.view(stack.loadBalancerArn());
        assertThat(view.name()).isEqualTo("ovha-twin-lb");
        assertThat(view.listeners()).extracting(LoadBalancerView.Listener::port).containsExactlyInAnyOrder(80, 443);
        TargetGroupView group = lb.targetGroup(stack.targetGroupArn());
        assertThat(group.healthCheck().path()).isEqualTo("/");
        assertThat(group.healthCheck().matcher()).isEqualTo("401-403");
        assertThat(group.healthCheck().unhealthyThreshold()).isEqualTo(4);
    }

    @Test
    void theMediaGroupHasItsPoliciesAndHooks() {
        AutoScalingGroups groups = new AutoScalingGroups(fixture.aws(), Evidence.NONE);
        assertThat(groups.group(stack.mediaGroupName()).inService()).hasSize(2);
        assertThat(groups.policies(stack.mediaGroupName())).extracting(ScalingPolicyView::scalingAdjustment)
                .containsExactlyInAnyOrder(1, -1);
        assertThat(groups.hooks(stack.mediaGroupName())).extracting(LifecycleHookView::defaultResult)
                .containsExactlyInAnyOrder("CONTINUE", "ABANDON");
    }

    @Test
    void theNewestActivitiesSayWhenEachMediaNodeWasLaunched() {
        AutoScalingGroups groups = new AutoScalingGroups(fixture.aws(), Evidence.NONE);
        List<String> media = groups.group(stack.mediaGroupName()).members().stream().map(GroupView.GroupMember::instanceId).toList();
        assertThat(media).isNotEmpty().allSatisfy(id -> assertThat(groups.activitiesOf(stack.mediaGroupName(), id))
                .singleElement().satisfies(a -> {
                    assertThat(a.launches(id)).isTrue();
                    assertThat(a.terminates(id)).isFalse();
                    assertThat(a.startTime()).isNotNull();
                    assertThat(a.endTime()).isPresent();
                }));
    }

    @Test
    void subnetsAndInstancesAreReadFromEc2() {
        Ec2Instances ec2 = new Ec2Instances(fixture.aws(), Evidence.NONE);
        Map<String, String> zones = ec2.subnetZones(stack.subnetIds());
        assertThat(zones.values()).containsExactlyInAnyOrder("us-east-1a", "us-east-1b");
        List<String> masters = new AutoScalingGroups(fixture.aws(), Evidence.NONE).group(stack.masterGroupName()).members().stream()
                .map(GroupView.GroupMember::instanceId).toList();
        assertThat(ec2.privateIps(masters)).hasSize(3);
        assertThat(ec2.privateIps(List.of())).isEmpty();
    }

    @Test
    void theAccountIsTheTwinsAndEveryCallLeavesEvidence() {
        ScenarioEvidence evidence = new ScenarioEvidence(Redactor.none());
        assertThat(new Account(fixture.aws(), evidence).identity().account()).isEqualTo("123456789012");
        new AutoScalingGroups(fixture.aws(), evidence).hooks(stack.mediaGroupName());
        assertThat(evidence.awsText()).contains("GetCallerIdentity", "DescribeLifecycleHooks ovha-twin-ASGMediaNode",
                "\"defaultResult\" : \"ABANDON\"");
    }
}
