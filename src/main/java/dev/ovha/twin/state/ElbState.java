package dev.ovha.twin.state;

import dev.ovha.twin.sim.Sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Elastic Load Balancing v2: load balancers, listeners, target groups, and the health checks that move
 * each target through initial → healthy / unhealthy, and draining on deregistration — with AWS's
 * thresholds and reason codes. Each target group checks all its targets once per interval.
 */
public final class ElbState {

    private final Sim sim;
    private final Map<String, LoadBalancer> loadBalancers = new LinkedHashMap<>();
    private final Map<String, Listener> listeners = new LinkedHashMap<>();
    private final Map<String, TargetGroup> targetGroups = new LinkedHashMap<>();
    private final List<TargetHealthListener> healthListeners = new ArrayList<>();
    private TargetProbe probe = (id, port) -> ProbeResult.timeout();

    public ElbState(Sim sim) {
        this.sim = sim;
    }

    /** How health checks reach targets; the twin wires this to its model of the master nodes. */
    public void setProbe(TargetProbe probe) {
        this.probe = probe;
    }

    public void addHealthListener(TargetHealthListener listener) {
        healthListeners.add(listener);
    }

    public void add(LoadBalancer loadBalancer) {
        loadBalancers.put(loadBalancer.arn(), loadBalancer);
    }

    public void add(Listener listener) {
        listeners.put(listener.arn(), listener);
    }

    /** Adds a target group and starts its periodic health checks. */
    public void add(TargetGroup group) {
        targetGroups.put(group.arn(), group);
        scheduleChecks(group);
    }

    public List<LoadBalancer> loadBalancers() {
        return List.copyOf(loadBalancers.values());
    }

    public List<Listener> listeners() {
        return List.copyOf(listeners.values());
    }

    public List<TargetGroup> targetGroups() {
        return List.copyOf(targetGroups.values());
    }

    public Optional<TargetGroup> targetGroup(String arn) {
        return Optional.ofNullable(targetGroups.get(arn));
    }

    /** Registers an instance; it starts in {@code initial} and is health-checked from the next round. */
    public void register(String targetGroupArn, String instanceId, String availabilityZone) {
        TargetGroup group = targetGroups.get(targetGroupArn);
        if (group == null || group.target(instanceId).isPresent()) {
            return;
        }
        Target target = new Target(instanceId, group.port(), availabilityZone, sim.now());
        group.add(target);
        sim.log().record("target.registered", instanceId, "targetGroup", group.name());
    }

    /** Registers an instance that is already healthy: the deployed stack's steady state. */
    public void seedHealthy(String targetGroupArn, String instanceId, String availabilityZone) {
        register(targetGroupArn, instanceId, availabilityZone);
        TargetGroup group = targetGroups.get(targetGroupArn);
        group.target(instanceId).ifPresent(t -> change(group, t, TargetHealthState.HEALTHY, null, null));
    }

    /**
     * Starts deregistration: the target drains for the deregistration delay, then disappears, and
     * {@code whenDrained} runs. An unknown target drains at once.
     */
    public void deregister(String targetGroupArn, String instanceId, Runnable whenDrained) {
        TargetGroup group = targetGroups.get(targetGroupArn);
        Target target = group == null ? null : group.target(instanceId).orElse(null);
        if (target == null) {
            whenDrained.run();
            return;
        }
        if (target.state() != TargetHealthState.DRAINING) {
            change(group, target, TargetHealthState.DRAINING, "Target.DeregistrationInProgress",
                    "Target deregistration is in progress");
        }
        sim.after(sim.timings().deregistrationDelay(), "drained " + instanceId, () -> {
            group.remove(instanceId);
            sim.log().record("target.deregistered", instanceId, "targetGroup", group.name());
            whenDrained.run();
        });
    }

    /** The health of {@code instanceId} in any target group, if registered anywhere. */
    public Optional<TargetHealthState> healthOf(String instanceId) {
        return targetGroups.values().stream()
                .flatMap(g -> g.target(instanceId).stream())
                .map(Target::state)
                .findFirst();
    }

    private void scheduleChecks(TargetGroup group) {
        sim.after(group.healthCheck().interval(), "health checks " + group.name(), () -> {
            if (targetGroups.get(group.arn()) == group) {
                checkAll(group);
                scheduleChecks(group);
            }
        });
    }

    private void checkAll(TargetGroup group) {
        for (Target target : group.targets()) {
            if (target.state() == TargetHealthState.DRAINING) {
                continue;
            }
            if (target.state() == TargetHealthState.INITIAL && "Elb.RegistrationInProgress".equals(target.reason())) {
                if (sim.now().isBefore(target.registeredAt().plus(sim.timings().registrationDelay()))) {
                    continue;
                }
                target.set(TargetHealthState.INITIAL, "Elb.InitialHealthChecking", "Initial health checks in progress");
            }
            apply(group, target, probe.probe(target.id(), target.port()));
        }
    }

    private void apply(TargetGroup group, Target target, ProbeResult result) {
        HealthCheck check = group.healthCheck();
        switch (result.outcome()) {
            case INVALID_STATE -> {
                target.resetCounts();
                change(group, target, TargetHealthState.UNUSED, result.reason(), result.description());
            }
            case PASS -> {
                target.countPass();
                if (target.state() != TargetHealthState.HEALTHY && target.passes() >= check.healthyThreshold()) {
                    change(group, target, TargetHealthState.HEALTHY, null, null);
                }
            }
            case FAIL -> {
                target.countFailure();
                boolean crossed = target.failures() >= check.unhealthyThreshold();
                if (target.state() == TargetHealthState.UNHEALTHY) {
                    target.set(TargetHealthState.UNHEALTHY, result.reason(), result.description());
                } else if (crossed) {
                    change(group, target, TargetHealthState.UNHEALTHY, result.reason(), result.description());
                } else if (target.state() == TargetHealthState.UNUSED) {
                    change(group, target, TargetHealthState.INITIAL, "Elb.InitialHealthChecking",
                            "Initial health checks in progress");
                }
            }
        }
    }

    private void change(TargetGroup group, Target target, TargetHealthState next, String reason, String description) {
        TargetHealthState previous = target.state();
        target.set(next, reason, description);
        if (previous != next) {
            sim.log().record("target." + next.apiName(), target.id(), "targetGroup", group.name(),
                    "reason", reason == null ? "" : reason);
            for (TargetHealthListener listener : List.copyOf(healthListeners)) {
                listener.onTargetHealth(group, target, previous);
            }
        }
    }
}
