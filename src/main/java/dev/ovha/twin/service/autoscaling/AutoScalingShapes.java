package dev.ovha.twin.service.autoscaling;

import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.state.AutoScalingGroup;
import dev.ovha.twin.state.GroupInstance;
import dev.ovha.twin.state.LifecycleHook;
import dev.ovha.twin.state.ScalingActivity;
import dev.ovha.twin.state.ScalingPolicy;
import dev.ovha.twin.state.Subnet;

import java.util.List;
import java.util.stream.Collectors;

/** Auto Scaling output shapes under their model member names. */
final class AutoScalingShapes {

    private AutoScalingShapes() {
    }

    static Struct group(AutoScalingGroup g) {
        Struct template = Struct.of()
                .put("LaunchTemplateId", g.launchTemplate().id())
                .put("LaunchTemplateName", g.launchTemplate().name())
                .put("Version", g.launchTemplate().version());
        return Struct.of()
                .put("AutoScalingGroupName", g.name())
                .put("AutoScalingGroupARN", g.arn())
                .put("LaunchTemplate", template)
                .put("MinSize", g.minSize())
                .put("MaxSize", g.maxSize())
                .put("DesiredCapacity", g.desiredCapacity())
                .put("DefaultCooldown", g.defaultCooldown())
                .put("AvailabilityZones", g.subnets().stream().map(s -> s.zone().name()).distinct().sorted().toList())
                .put("LoadBalancerNames", List.of())
                .put("TargetGroupARNs", g.targetGroupArns())
                .put("HealthCheckType", g.healthCheckType())
                .put("HealthCheckGracePeriod", (int) g.healthCheckGracePeriod().toSeconds())
                .put("Instances", g.instances().stream().map(i -> instance(i, g)).toList())
                .put("CreatedTime", g.createdTime())
                .put("SuspendedProcesses", g.suspendedProcesses().stream().map(p -> Struct.of()
                        .put("ProcessName", p)
                        .put("SuspensionReason", "User suspended at " + g.createdTime())).toList())
                .put("VPCZoneIdentifier", g.subnets().stream().map(Subnet::id).collect(Collectors.joining(",")))
                .put("EnabledMetrics", List.of())
                .put("Tags", g.tags().stream().map(t -> Struct.of()
                        .put("ResourceId", g.name())
                        .put("ResourceType", "auto-scaling-group")
                        .put("Key", t.key())
                        .put("Value", t.value())
                        .put("PropagateAtLaunch", t.propagateAtLaunch())).toList())
                .put("TerminationPolicies", List.of("Default"))
                .put("NewInstancesProtectedFromScaleIn", g.newInstancesProtectedFromScaleIn())
                .put("ServiceLinkedRoleARN", "arn:aws:iam::" + g.arn().split(":")[4]
                        + ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling")
                .put("CapacityRebalance", false)
                .put("TrafficSources", g.targetGroupArns().stream().map(arn -> Struct.of()
                        .put("Identifier", arn).put("Type", "elbv2")).toList());
    }

    private static Struct instance(GroupInstance i, AutoScalingGroup g) {
        return Struct.of()
                .put("InstanceId", i.instanceId())
                .put("InstanceType", i.instanceType())
                .put("AvailabilityZone", i.availabilityZone())
                .put("LifecycleState", i.lifecycleState().apiName())
                .put("HealthStatus", i.healthStatus())
                .put("LaunchTemplate", Struct.of()
                        .put("LaunchTemplateId", g.launchTemplate().id())
                        .put("LaunchTemplateName", g.launchTemplate().name())
                        .put("Version", "1"))
                .put("ProtectedFromScaleIn", i.protectedFromScaleIn());
    }

    static Struct activity(ScalingActivity a) {
        return Struct.of()
                .put("ActivityId", a.id())
                .put("AutoScalingGroupName", a.groupName())
                .put("Description", a.description())
                .put("Cause", a.cause())
                .put("StartTime", a.startTime())
                .put("EndTime", a.endTime())
                .put("StatusCode", a.statusCode())
                .put("StatusMessage", a.statusMessage())
                .put("Progress", a.progress())
                .put("Details", a.details())
                .put("AutoScalingGroupARN", a.groupArn());
    }

    static Struct policy(ScalingPolicy p) {
        return Struct.of()
                .put("AutoScalingGroupName", p.groupName())
                .put("PolicyName", p.name())
                .put("PolicyARN", p.arn())
                .put("PolicyType", p.policyType())
                .put("AdjustmentType", p.adjustmentType())
                .put("ScalingAdjustment", p.scalingAdjustment())
                .put("Cooldown", p.cooldownSeconds())
                .put("StepAdjustments", List.of())
                .put("Alarms", p.alarms().stream().map(a -> Struct.of()
                        .put("AlarmName", a.name()).put("AlarmARN", a.arn())).toList())
                .put("Enabled", true);
    }

    static Struct hook(LifecycleHook h) {
        return Struct.of()
                .put("LifecycleHookName", h.name())
                .put("AutoScalingGroupName", h.groupName())
                .put("LifecycleTransition", h.transition())
                .put("HeartbeatTimeout", (int) h.heartbeatTimeout().toSeconds())
                .put("GlobalTimeout", (int) Math.min(172800, h.heartbeatTimeout().toSeconds() * 100))
                .put("DefaultResult", h.defaultResult());
    }
}
