package dev.ovha.twin.state;

import dev.ovha.twin.sim.Sim;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Auto Scaling's behaviour: each group keeps its desired capacity by launching into the least-populated
 * zone and terminating from the most-populated one; it replaces members that EC2 reports stopped or
 * terminated and, with HealthCheckType ELB, members the load balancer reports unhealthy once the grace
 * period is over; it registers members with its target groups when they go InService and drains them
 * before terminating; lifecycle hooks hold members in the Wait states for their heartbeat timeout;
 * simple scaling policies, executed by their CloudWatch alarms, change the desired capacity within
 * the group's limits and then wait out their cooldown.
 */
public final class AutoScalingState implements InstanceListener {

    private final Sim sim;
    private final Ec2State ec2;
    private final ElbState elb;
    private final Map<String, AutoScalingGroup> groups = new LinkedHashMap<>();
    private final List<LifecycleActionListener> lifecycleListeners = new ArrayList<>();
    private final SimpleScaling simpleScaling = new SimpleScaling();
    private final GroupMembers members;

    public AutoScalingState(Sim sim, Ec2State ec2, ElbState elb) {
        this.sim = sim;
        this.ec2 = ec2;
        this.elb = elb;
        this.members = new GroupMembers(sim, ec2, elb, simpleScaling, lifecycleListeners);
        ec2.addListener(this);
    }

    /** Registers a listener for lifecycle actions (EventBridge's source of lifecycle events). */
    public void addLifecycleListener(LifecycleActionListener listener) {
        lifecycleListeners.add(listener);
    }

    /**
     * Adds a group and starts its periodic health sweep. Like AWS, the group learns of EC2 and ELB
     * health only when it checks, so there is a short window in which a target is unhealthy and still
     * in service; the sweep runs half an interval out of phase with the target-group checks.
     */
    public void add(AutoScalingGroup group) {
        groups.put(group.name(), group);
        scheduleSweep(group, sim.timings().autoScalingHealthSweep().dividedBy(2));
    }

    public List<AutoScalingGroup> groups() {
        return List.copyOf(groups.values());
    }

    public Optional<AutoScalingGroup> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    public Optional<AutoScalingGroup> groupOf(String instanceId) {
        return groups.values().stream().filter(g -> g.instance(instanceId).isPresent()).findFirst();
    }

    /** Seeds a member launched at {@code launchedAt} and InService, healthy and registered when the twin starts. */
    public GroupInstance seedInService(AutoScalingGroup group, Subnet subnet, Instant launchedAt) {
        Instance instance = ec2.seedRunning(launchSpec(group, subnet), launchedAt);
        GroupInstance member = new GroupInstance(instance.id(), instance.availabilityZone(), instance.instanceType(),
                instance.launchTime(), LifecycleState.IN_SERVICE, group.newInstancesProtectedFromScaleIn());
        group.add(member);
        ScalingActivity activity = members.activity(group, "Launching a new EC2 instance: " + instance.id(),
                "At " + stamp(launchedAt) + " a user request created an AutoScalingGroup changing the desired capacity from 0 to "
                        + group.desiredCapacity() + ".", instance);
        activity.finish(launchedAt.plus(sim.timings().instanceBoot()));
        group.targetGroupArns().forEach(tg -> elb.seedHealthy(tg, instance.id(), instance.availabilityZone()));
        return member;
    }

    public void setDesiredCapacity(AutoScalingGroup group, int desired) {
        int previous = group.desiredCapacity();
        group.setSizes(group.minSize(), group.maxSize(), desired);
        if (previous != desired) {
            group.setPendingCause("At " + stamp(sim.now()) + " a user request explicitly set group desired capacity changing the desired capacity from "
                    + previous + " to " + desired + ".");
            sim.log().record("asg.desired", group.name(), "from", String.valueOf(previous), "to", String.valueOf(desired));
        }
        reconcile(group);
    }

    /** Applies new size limits; {@code desired} may be null, in which case it is clamped into the new limits. */
    public void updateSizes(AutoScalingGroup group, int min, int max, Integer desired) {
        int previous = group.desiredCapacity();
        int next = desired != null ? desired : Math.max(min, Math.min(max, previous));
        group.setSizes(min, max, next);
        if (previous != next) {
            group.setPendingCause("At " + stamp(sim.now()) + " a user request update of AutoScalingGroup constraints to min: "
                    + min + ", max: " + max + ", desired: " + next + " changing the desired capacity from " + previous + " to " + next + ".");
            sim.log().record("asg.desired", group.name(), "from", String.valueOf(previous), "to", String.valueOf(next));
        }
        reconcile(group);
    }

    public void updateHealthCheck(AutoScalingGroup group, String type, Duration grace) {
        group.setHealthCheck(type, grace);
    }

    public void updateCooldown(AutoScalingGroup group, int seconds) {
        group.setDefaultCooldown(seconds);
    }

    public void updateSubnets(AutoScalingGroup group, List<Subnet> subnets) {
        group.setSubnets(subnets);
        reconcile(group);
    }

    /**
     * A CloudWatch alarm in ALARM executes the simple scaling policy {@code policyArn}: the group's
     * desired capacity changes by the policy's adjustment, clamped to MinSize..MaxSize, unless a
     * previous policy change is still settling or cooling down. A change that would not move the
     * desired capacity (already at the limit) does nothing and records nothing, as in AWS. Returns
     * whether the capacity changed. Unknown policies are ignored (the alarm names something else).
     */
    public boolean executePolicy(String policyArn, String alarmName) {
        for (AutoScalingGroup group : groups.values()) {
            for (ScalingPolicy policy : group.policies()) {
                if (policy.arn().equals(policyArn)) {
                    return simpleScaling.execute(group, policy, alarmName, sim, () -> reconcile(group));
                }
            }
        }
        return false;
    }

    /** TerminateInstanceInAutoScalingGroup: takes the member out of service, optionally shrinking the group. */
    public ScalingActivity terminateMember(AutoScalingGroup group, GroupInstance member, boolean decrement) {
        int capacity = group.activeInstances().size();
        String cause;
        if (decrement) {
            group.setSizes(group.minSize(), group.maxSize(), group.desiredCapacity() - 1);
            cause = "At " + stamp(sim.now()) + " instance " + member.instanceId()
                    + " was taken out of service in response to a user request, shrinking the capacity from "
                    + capacity + " to " + (capacity - 1) + ".";
        } else {
            cause = "At " + stamp(sim.now()) + " instance " + member.instanceId()
                    + " was taken out of service in response to a user request.";
        }
        ScalingActivity activity = members.beginTermination(group, member, cause);
        reconcile(group);
        return activity;
    }

    /** Brings the group to its desired capacity and replaces unhealthy members. Idempotent. */
    public void reconcile(AutoScalingGroup group) {
        replaceUnhealthy(group);
        List<GroupInstance> active = group.activeInstances();
        int missing = group.desiredCapacity() - active.size();
        if (missing > 0 && !group.isSuspended("Launch")) {
            String prefix = group.takePendingCause();
            for (int i = 0; i < missing; i++) {
                int from = group.activeInstances().size();
                launch(group, prefix + "At " + stamp(sim.now()) + " an instance was started in response to a difference between desired and actual capacity, increasing the capacity from "
                        + from + " to " + (from + 1) + ".");
            }
        } else if (missing < 0 && !group.isSuspended("Terminate")) {
            String prefix = group.takePendingCause();
            for (int i = 0; i < -missing; i++) {
                Optional<GroupInstance> victim = scaleInVictim(group);
                if (victim.isEmpty()) {
                    break;
                }
                int from = group.activeInstances().size();
                members.beginTermination(group, victim.get(), prefix + "At " + stamp(sim.now())
                        + " an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from "
                        + from + " to " + (from - 1) + ".");
            }
        }
    }

    @Override
    public void onTransition(Instance instance, InstanceState previous) {
        if (previous == null) {
            return;
        }
        groupOf(instance.id()).ifPresent(group -> {
            GroupInstance member = group.instance(instance.id()).orElseThrow();
            if (instance.state() == InstanceState.RUNNING && member.lifecycleState() == LifecycleState.PENDING) {
                members.running(group, member);
            } else if (instance.state() == InstanceState.TERMINATED && member.terminationRequested()) {
                members.finishTermination(group, member);
            }
        });
    }

    private void replaceUnhealthy(AutoScalingGroup group) {
        if (group.isSuspended("ReplaceUnhealthy")) {
            return;
        }
        for (GroupInstance member : group.activeInstances()) {
            Optional<String> failure = healthFailure(group, member);
            if (failure.isPresent()) {
                member.markUnhealthy();
                sim.log().record("asg.unhealthy", member.instanceId(), "group", group.name(), "check", failure.get());
                members.beginTermination(group, member, "At " + stamp(sim.now())
                        + " an instance was taken out of service in response to " + failure.get() + ".");
            }
        }
    }

    private Optional<String> healthFailure(AutoScalingGroup group, GroupInstance member) {
        Instance instance = ec2.instance(member.instanceId()).orElse(null);
        if (instance == null || instance.state().isDown()) {
            return Optional.of("an EC2 instance status check failure");
        }
        boolean graceOver = !sim.now().isBefore(member.launchedAt().plus(group.healthCheckGracePeriod()));
        if ("ELB".equals(group.healthCheckType()) && graceOver && member.lifecycleState() == LifecycleState.IN_SERVICE
                && elb.healthOf(member.instanceId()).orElse(null) == TargetHealthState.UNHEALTHY) {
            return Optional.of("an ELB system health check failure");
        }
        return Optional.empty();
    }

    private void launch(AutoScalingGroup group, String cause) {
        Subnet subnet = leastPopulatedSubnet(group);
        Instance instance = ec2.launch(launchSpec(group, subnet));
        GroupInstance member = new GroupInstance(instance.id(), instance.availabilityZone(), instance.instanceType(),
                instance.launchTime(), LifecycleState.PENDING, group.newInstancesProtectedFromScaleIn());
        group.add(member);
        member.setActivity(members.activity(group, "Launching a new EC2 instance: " + instance.id(), cause, instance));
        sim.log().record("asg.launch", instance.id(), "group", group.name(), "zone", instance.availabilityZone());
    }

    private LaunchSpec launchSpec(AutoScalingGroup group, Subnet subnet) {
        Map<String, String> tags = new LinkedHashMap<>();
        group.tags().stream().filter(GroupTag::propagateAtLaunch).forEach(t -> tags.put(t.key(), t.value()));
        tags.put("aws:autoscaling:groupName", group.name());
        tags.put("aws:ec2launchtemplate:id", group.launchTemplate().id());
        tags.put("aws:ec2launchtemplate:version", "1");
        return new LaunchSpec(subnet, group.launchTemplate().instanceType(), group.launchTemplate().imageId(),
                group.launchTemplate().securityGroupId(), tags, sim.timings().instanceBoot());
    }

    private Subnet leastPopulatedSubnet(AutoScalingGroup group) {
        Map<String, Long> perZone = group.activeInstances().stream()
                .collect(Collectors.groupingBy(GroupInstance::availabilityZone, Collectors.counting()));
        return group.subnets().stream()
                .min(Comparator.comparingLong(s -> perZone.getOrDefault(s.zone().name(), 0L)))
                .orElseThrow(() -> new IllegalStateException("group " + group.name() + " has no subnets"));
    }

    /** AWS's default termination policy, simplified: the most-populated zone, then the oldest member; protected members are skipped. */
    private Optional<GroupInstance> scaleInVictim(AutoScalingGroup group) {
        List<GroupInstance> candidates = group.activeInstances().stream().filter(m -> !m.protectedFromScaleIn()).toList();
        Map<String, Long> perZone = group.activeInstances().stream()
                .collect(Collectors.groupingBy(GroupInstance::availabilityZone, Collectors.counting()));
        return candidates.stream().min(Comparator
                .comparingLong((GroupInstance m) -> -perZone.get(m.availabilityZone()))
                .thenComparing(GroupInstance::launchedAt));
    }

    private void scheduleSweep(AutoScalingGroup group, Duration delay) {
        sim.after(delay, "health sweep " + group.name(), () -> {
            if (groups.get(group.name()) == group) {
                reconcile(group);
                scheduleSweep(group, sim.timings().autoScalingHealthSweep());
            }
        });
    }

    private static String stamp(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }
}
