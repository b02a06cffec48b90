package dev.ovha.twin.state;

import dev.ovha.twin.sim.Sim;
import dev.ovha.twin.sim.VirtualClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which subnets of the VPC are cut off from the rest of the network, and until when — what FIS's
 * {@code aws:network:disrupt-connectivity} does on AWS by swapping in a deny-all network ACL. An
 * instance in a cut subnet keeps running but nothing reaches it and it reaches nothing: the load
 * balancer's health checks time out, SSM cannot deliver commands, its replication-manager cannot poll
 * SQS. The rest of the twin asks {@link #isReachable} rather than keeping its own copy.
 *
 * <p>Several disruptions may overlap on one subnet (two experiments, or one with two actions); the
 * subnet comes back only when the last of them ends. Call under the world's lock.
 */
public final class NetworkState {

    private final Sim sim;
    private final Ec2State ec2;
    /** Per cut subnet, its disruptions by id, in the order they began. */
    private final Map<String, Map<String, Disruption>> cuts = new LinkedHashMap<>();
    /** The scheduled end of each disruption, cancelled when it is restored early. */
    private final Map<String, VirtualClock.Task> ends = new LinkedHashMap<>();
    private long disruptionCount;

    NetworkState(Sim sim, Ec2State ec2) {
        this.sim = sim;
        this.ec2 = ec2;
    }

    /** One cut of one subnet; {@link #restore} (or its end) undoes it. */
    public record Disruption(String id, String subnetId, String cause, Instant since, Instant until) {
    }

    /**
     * Whether the network reaches the instance: it exists and its subnet is not cut. The instance's own
     * state (running, stopped) is not looked at — ask EC2 for that.
     */
    public boolean isReachable(String instanceId) {
        return ec2.instance(instanceId).map(i -> !isCut(i.subnet().id())).orElse(false);
    }

    public boolean isCut(String subnetId) {
        return cuts.containsKey(subnetId);
    }

    /** The subnets cut off now, in the order they were cut. */
    public List<String> cutSubnets() {
        return List.copyOf(cuts.keySet());
    }

    /** Every disruption in effect now. */
    public List<Disruption> disruptions() {
        List<Disruption> all = new ArrayList<>();
        cuts.values().forEach(d -> all.addAll(d.values()));
        return all;
    }

    /**
     * Cuts the subnet off for {@code duration}; {@code cause} says who did it (an experiment's id) for
     * the ground-truth log. Connectivity returns by itself when the duration ends, or earlier through
     * {@link #restore}.
     */
    public Disruption cut(String subnetId, Duration duration, String cause) {
        String id = "disruption-" + (++disruptionCount);
        Disruption disruption = new Disruption(id, subnetId, cause, sim.now(), sim.now().plus(duration));
        boolean wasCut = isCut(subnetId);
        cuts.computeIfAbsent(subnetId, s -> new LinkedHashMap<>()).put(id, disruption);
        if (!wasCut) {
            sim.log().record("network.cut", subnetId, "zone", zoneOf(subnetId), "cause", cause,
                    "until", disruption.until().toString());
        }
        VirtualClock.Task end = sim.after(duration, "network restored " + subnetId, () -> restore(disruption));
        ends.put(id, end);
        return disruption;
    }

    /** Ends one disruption now (if it is still in effect); the subnet is reachable again once none is left. */
    public void restore(Disruption disruption) {
        Map<String, Disruption> onSubnet = cuts.get(disruption.subnetId());
        if (onSubnet == null || onSubnet.remove(disruption.id()) == null) {
            return;
        }
        Optional.ofNullable(ends.remove(disruption.id())).ifPresent(VirtualClock.Task::cancel);
        if (onSubnet.isEmpty()) {
            cuts.remove(disruption.subnetId());
            sim.log().record("network.restored", disruption.subnetId(), "zone", zoneOf(disruption.subnetId()),
                    "cause", disruption.cause());
        }
    }

    private String zoneOf(String subnetId) {
        return ec2.subnet(subnetId).map(s -> s.zone().name()).orElse("");
    }
}
