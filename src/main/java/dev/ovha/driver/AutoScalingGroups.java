package dev.ovha.driver;

import dev.ovha.aws.AwsClients;
import dev.ovha.report.Evidence;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.SuspendedProcess;

/** Auto Scaling groups, their scaling policies and lifecycle hooks, as Auto Scaling reports them. */
public final class AutoScalingGroups {
    private static final int ACTIVITIES_READ = 100;

    private final AwsClients aws;
    private final Evidence evidence;

    public AutoScalingGroups(AwsClients aws, Evidence evidence) {
        this.aws = aws;
        this.evidence = evidence;
    }

    /** The group named {@code name}; a missing group is a broken stack, so it fails the check. */
    public GroupView group(String name) {
        AutoScalingGroup group = aws.autoScaling()
                .describeAutoScalingGroupsPaginator(r -> r.autoScalingGroupNames(name)).autoScalingGroups().stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("Auto Scaling group " + name + " does not exist, although the"
                        + " stack lists it as a resource: it was deleted outside CloudFormation."));
        GroupView view = new GroupView(group.autoScalingGroupName(), group.minSize(), group.maxSize(),
                group.desiredCapacity(),
                group.instances().stream().map(i -> new GroupView.GroupMember(i.instanceId(), i.availabilityZone(),
                        i.lifecycleStateAsString(), i.healthStatus())).toList(),
                group.suspendedProcesses().stream().map(SuspendedProcess::processName).toList(),
                group.healthCheckType(), group.healthCheckGracePeriod() == null ? 0 : group.healthCheckGracePeriod(),
                group.targetGroupARNs());
        evidence.aws("DescribeAutoScalingGroups", name, view);
        return view;
    }

    public List<ScalingPolicyView> policies(String groupName) {
        List<ScalingPolicyView> policies = aws.autoScaling()
                .describePoliciesPaginator(r -> r.autoScalingGroupName(groupName)).scalingPolicies().stream()
                .map(p -> new ScalingPolicyView(p.policyName(), p.policyType(), String.valueOf(p.adjustmentType()),
                        p.scalingAdjustment() == null ? 0 : p.scalingAdjustment(), Optional.ofNullable(p.cooldown()),
                        p.alarms().stream().map(a -> a.alarmName()).toList()))
                .toList();
        evidence.aws("DescribePolicies", groupName, policies);
        return policies;
    }

    /** The group's scaling activities, newest first (Auto Scaling keeps six weeks of them). */
    public List<ScalingActivityView> activities(String groupName) {
        List<ScalingActivityView> activities = aws.autoScaling()
                .describeScalingActivitiesPaginator(r -> r.autoScalingGroupName(groupName)).activities().stream()
                .map(a -> new ScalingActivityView(a.description(), String.valueOf(a.cause()), a.statusCodeAsString(),
                        a.startTime(), Optional.ofNullable(a.endTime())))
                .toList();
        evidence.aws("DescribeScalingActivities", groupName, activities.size() + " activities");
        return activities;
    }

    /** DescribeLifecycleHooks has no paginator: it answers every hook of the group at once. */
    public List<LifecycleHookView> hooks(String groupName) {
        List<LifecycleHookView> hooks = aws.autoScaling()
                .describeLifecycleHooks(r -> r.autoScalingGroupName(groupName)).lifecycleHooks().stream()
                .map(h -> new LifecycleHookView(h.lifecycleHookName(), h.lifecycleTransition(), h.defaultResult(),
                        h.heartbeatTimeout() == null ? 0 : h.heartbeatTimeout()))
                .toList();
        evidence.aws("DescribeLifecycleHooks", groupName, hooks);
        return hooks;
    }

    /**
     * The group's activities for {@code instanceId}, newest first: read page by page as AWS answers them (newest first)
     * down to the instance's launch, or {@value #ACTIVITIES_READ} activities at most. An instance launched during the
     * scenario is near the top, and a group's weeks of history are not read.
     */
    public List<ScalingActivityView> activitiesOf(String groupName, String instanceId) {
        List<ScalingActivityView> found = new ArrayList<>();
        Iterator<Activity> newestFirst = aws.autoScaling()
                .describeScalingActivitiesPaginator(r -> r.autoScalingGroupName(groupName)).activities().iterator();
        for (int read = 0; read < ACTIVITIES_READ && newestFirst.hasNext(); read++) {
            Activity a = newestFirst.next();
            if (a.description() != null && a.description().endsWith(instanceId)) {
                ScalingActivityView view = new ScalingActivityView(a.description(), String.valueOf(a.cause()),
                        a.statusCodeAsString(), a.startTime(), Optional.ofNullable(a.endTime()));
                found.add(view);
                if (view.launches(instanceId)) {
                    break;
                }
            }
        }
        evidence.aws("DescribeScalingActivities", groupName + " " + instanceId, found);
        return found;
    }
}
