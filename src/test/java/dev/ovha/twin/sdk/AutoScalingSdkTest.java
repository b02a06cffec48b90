package dev.ovha.twin.sdk;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.LifecycleHook;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;
import software.amazon.awssdk.services.autoscaling.model.ScalingPolicy;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutoScalingSdkTest extends TwinSdkTestBase {

    @Test
    void groupsAsTheTemplateDeployedThem() {
        List<AutoScalingGroup> groups = aws.autoScaling().describeAutoScalingGroupsPaginator(r -> { })
                .autoScalingGroups().stream().toList();
        assertThat(groups).extracting(AutoScalingGroup::autoScalingGroupName).containsExactly(masterGroup(), mediaGroup());
        AutoScalingGroup masters = groups.get(0);
        assertThat(masters.healthCheckType()).isEqualTo("ELB");
        assertThat(masters.healthCheckGracePeriod()).isEqualTo(180);
        assertThat(masters.desiredCapacity()).isEqualTo(2);
        assertThat(masters.instances()).hasSize(2).allSatisfy(i -> {
            assertThat(i.lifecycleState()).isEqualTo(LifecycleState.IN_SERVICE);
            assertThat(i.healthStatus()).isEqualTo("Healthy");
        });
        assertThat(masters.availabilityZones()).containsExactly("us-east-1a", "us-east-1b");
        assertThat(masters.targetGroupARNs()).hasSize(1);
        assertThat(groups.get(1).newInstancesProtectedFromScaleIn()).isTrue();
    }

    @Test
    void setDesiredCapacityLaunchesAndActivitiesTellWhy() {
        aws.autoScaling().setDesiredCapacity(r -> r.autoScalingGroupName(mediaGroup()).desiredCapacity(3).honorCooldown(false));
        twin.advance(Duration.ofMinutes(2));
        AutoScalingGroup media = group(mediaGroup());
        assertThat(media.instances()).hasSize(3).allSatisfy(i -> assertThat(i.lifecycleState()).isEqualTo(LifecycleState.IN_SERVICE));
        List<Activity> activities = aws.autoScaling().describeScalingActivitiesPaginator(r -> r.autoScalingGroupName(mediaGroup()))
                .activities().stream().toList();
        assertThat(activities).hasSize(3);
        assertThat(activities.get(0).description()).startsWith("Launching a new EC2 instance: i-");
        assertThat(activities.get(0).cause()).contains("changing the desired capacity from 2 to 3");
        assertThat(activities.get(0).statusCodeAsString()).isEqualTo("Successful");
    }

    @Test
    void capacityOutsideTheLimitsIsRefused() {
        assertThatThrownBy(() -> aws.autoScaling().setDesiredCapacity(r -> r.autoScalingGroupName(masterGroup()).desiredCapacity(9)))
                .isInstanceOfSatisfying(AutoScalingException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "New SetDesiredCapacity value 9 is above max value 4 for the AutoScalingGroup.");
                });
    }

    @Test
    void updateAndTerminateInGroup() {
        aws.autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName(masterGroup()).minSize(1).maxSize(5).desiredCapacity(3));
        AutoScalingGroup masters = group(masterGroup());
        assertThat(masters.maxSize()).isEqualTo(5);
        assertThat(masters.instances()).hasSize(3);
        String victim = masters.instances().get(0).instanceId();
        Activity activity = aws.autoScaling().terminateInstanceInAutoScalingGroup(r -> r.instanceId(victim)
                .shouldDecrementDesiredCapacity(true)).activity();
        assertThat(activity.description()).isEqualTo("Terminating EC2 instance: " + victim);
        assertThat(activity.cause()).contains("shrinking the capacity from 3 to 2");
        assertThat(group(masterGroup()).desiredCapacity()).isEqualTo(2);
        twin.advance(Duration.ofMinutes(6));
        assertThat(group(masterGroup()).instances()).hasSize(2).noneMatch(i -> i.instanceId().equals(victim));
    }

    @Test
    void policiesAndHooksOfTheMediaGroup() {
        List<ScalingPolicy> policies = aws.autoScaling().describePoliciesPaginator(r -> r.autoScalingGroupName(mediaGroup()))
                .scalingPolicies().stream().toList();
        assertThat(policies).extracting(ScalingPolicy::scalingAdjustment).containsExactly(1, -1);
        assertThat(policies).allSatisfy(p -> {
            assertThat(p.cooldown()).isEqualTo(60);
            assertThat(p.alarms()).hasSize(1);
        });
        List<LifecycleHook> hooks = aws.autoScaling().describeLifecycleHooks(r -> r.autoScalingGroupName(mediaGroup())).lifecycleHooks();
        assertThat(hooks).extracting(LifecycleHook::lifecycleTransition)
                .containsExactly("autoscaling:EC2_INSTANCE_LAUNCHING", "autoscaling:EC2_INSTANCE_TERMINATING");
        assertThat(hooks).extracting(LifecycleHook::heartbeatTimeout).containsOnly(30);
    }

    private AutoScalingGroup group(String name) {
        return aws.autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(name)).autoScalingGroups().get(0);
    }
}
