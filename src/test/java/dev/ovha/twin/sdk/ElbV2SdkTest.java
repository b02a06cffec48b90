package dev.ovha.twin.sdk;

import dev.ovha.twin.sim.Fault;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthReasonEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElbV2SdkTest extends TwinSdkTestBase {

    @Test
    void loadBalancerTargetGroupAndListeners() {
        LoadBalancer lb = aws.elasticLoadBalancing().describeLoadBalancersPaginator(r -> r.names(stack() + "-lb"))
                .loadBalancers().stream().findFirst().orElseThrow();
        assertThat(lb.availabilityZones()).hasSize(2);
        TargetGroup tg = aws.elasticLoadBalancing().describeTargetGroupsPaginator(r -> r.loadBalancerArn(lb.loadBalancerArn()))
                .targetGroups().stream().findFirst().orElseThrow();
        assertThat(tg.targetGroupName()).isEqualTo(stack());
        assertThat(tg.healthCheckIntervalSeconds()).isEqualTo(10);
        assertThat(tg.unhealthyThresholdCount()).isEqualTo(4);
        assertThat(tg.matcher().httpCode()).isEqualTo("401-403");
        List<Listener> listeners = aws.elasticLoadBalancing().describeListenersPaginator(r -> r.loadBalancerArn(lb.loadBalancerArn()))
                .listeners().stream().toList();
        assertThat(listeners).extracting(Listener::port).containsExactly(80, 443);
        assertThat(listeners.get(0).defaultActions().get(0).type()).isEqualTo(ActionTypeEnum.REDIRECT);
        assertThat(listeners.get(1).defaultActions().get(0).targetGroupArn()).isEqualTo(tg.targetGroupArn());
    }

    @Test
    void targetHealthFollowsTheHealthChecks() {
        String tg = targetGroupArn();
        assertThat(health(tg)).extracting(d -> d.targetHealth().state()).containsOnly(TargetHealthStateEnum.HEALTHY);
        twin.inject(Fault.MASTER_UNHEALTHY);
        twin.advance(Duration.ofSeconds(42));
        List<TargetHealthDescription> after = health(tg);
        assertThat(after).filteredOn(d -> d.targetHealth().state() == TargetHealthStateEnum.UNHEALTHY)
                .singleElement().satisfies(d -> {
                    assertThat(d.targetHealth().reason()).isEqualTo(TargetHealthReasonEnum.TARGET_RESPONSE_CODE_MISMATCH);
                    assertThat(d.targetHealth().description()).isEqualTo("Health checks failed with these codes: [502]");
                });
    }

    @Test
    void unknownNamesAreModelledExceptions() {
        assertThatThrownBy(() -> aws.elasticLoadBalancing().describeTargetGroups(r -> r.names("nope")))
                .isInstanceOf(TargetGroupNotFoundException.class);
        assertThatThrownBy(() -> aws.elasticLoadBalancing().describeLoadBalancers(r -> r.names("nope")))
                .isInstanceOf(LoadBalancerNotFoundException.class);
    }

    private String targetGroupArn() {
        return aws.elasticLoadBalancing().describeTargetGroups(r -> r.names(stack())).targetGroups().get(0).targetGroupArn();
    }

    private List<TargetHealthDescription> health(String tg) {
        return aws.elasticLoadBalancing().describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions();
    }
}
