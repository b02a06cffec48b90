package dev.ovha.twin.state;

import dev.ovha.twin.sim.Sim;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The EC2 side of the twin: the VPC, its zones and subnets, and the instances with their lifecycle
 * pending → running → (stopping → stopped →) shutting-down → terminated, each step after a virtual delay.
 * Terminated instances stay visible for an hour, as in EC2.
 */
public final class Ec2State {

    private static final DateTimeFormatter REASON_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'GMT'").withZone(ZoneOffset.UTC);

    private final Sim sim;
    private final String vpcId;
    private final String vpcCidr;
    private final List<Zone> zones;
    private final List<Subnet> subnets;
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final List<InstanceListener> listeners = new ArrayList<>();
    private final NetworkState network;

    public Ec2State(Sim sim, String vpcId, String vpcCidr, List<Zone> zones, List<Subnet> subnets) {
        this.sim = sim;
        this.vpcId = vpcId;
        this.vpcCidr = vpcCidr;
        this.zones = List.copyOf(zones);
        this.subnets = List.copyOf(subnets);
        this.network = new NetworkState(sim, this);
    }

    /** The VPC's reachability: which subnets are cut off (network ACLs, in AWS's terms). */
    public NetworkState network() {
        return network;
    }

    /**
     * The lowest host number whose address no live instance of the subnet holds: a long chaos run
     * launches hundreds of instances, and two live ones must never share an address.
     */
    private int freeHost(Subnet subnet) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (Instance i : instances.values()) {
            if (i.subnet().id().equals(subnet.id()) && i.state() != InstanceState.TERMINATED) {
                taken.add(i.privateIp());
            }
        }
        for (int n = 1; n < Subnet.HOSTS; n++) {
            if (!taken.contains(subnet.hostAddress(n))) {
                return n;
            }
        }
        throw new IllegalStateException("subnet " + subnet.id() + " has no free address left");
    }

    public void addListener(InstanceListener listener) {
        listeners.add(listener);
    }

    public String vpcId() {
        return vpcId;
    }

    public String vpcCidr() {
        return vpcCidr;
    }

    public List<Zone> zones() {
        return zones;
    }

    public List<Subnet> subnets() {
        return subnets;
    }

    public Optional<Subnet> subnet(String id) {
        return subnets.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<Instance> instances() {
        return List.copyOf(instances.values());
    }

    public Optional<Instance> instance(String id) {
        return Optional.ofNullable(instances.get(id));
    }

    /** Launches an instance in {@code pending}; it turns {@code running} after the spec's boot time. */
    public Instance launch(LaunchSpec spec) {
        Instance instance = create(spec, sim.now());
        sim.log().record("instance.pending", instance.id(), "zone", instance.availabilityZone(), "ip", instance.privateIp());
        scheduleBoot(instance, spec.bootTime());
        notifyListeners(instance, null);
        return instance;
    }

    /**
     * Seeds an instance that was launched at {@code launchedAt}, before the twin started, and has been
     * running since it booted: the deployed stack's steady state.
     */
    public Instance seedRunning(LaunchSpec spec, Instant launchedAt) {
        Instance instance = create(spec, launchedAt);
        instance.transition(InstanceState.RUNNING, launchedAt.plus(spec.bootTime()), null, null);
        sim.log().record("instance.running", instance.id(), "zone", instance.availabilityZone(), "ip", instance.privateIp(),
                "seeded", "true");
        return instance;
    }

    private Instance create(LaunchSpec spec, Instant launchedAt) {
        String id = sim.ids().instanceId();
        int n = freeHost(spec.subnet());
        Instance instance = new Instance(id, sim.ids().prefixed("r", 17), spec.instanceType(), spec.imageId(),
                spec.subnet(), spec.subnet().hostAddress(n), spec.securityGroupId(), launchedAt, spec.tags());
        instances.put(id, instance);
        return instance;
    }

    public InstanceState terminate(Instance instance, String reason) {
        InstanceState previous = instance.state();
        if (previous == InstanceState.TERMINATED || previous == InstanceState.SHUTTING_DOWN) {
            return previous;
        }
        move(instance, InstanceState.SHUTTING_DOWN, reason + " (" + REASON_TIME.format(sim.now()) + ")",
                "Client.UserInitiatedShutdown");
        long generation = instance.generation();
        sim.after(sim.timings().instanceShutdown(), "terminated " + instance.id(), () -> {
            if (instance.generation() == generation) {
                move(instance, InstanceState.TERMINATED, null, "Client.UserInitiatedShutdown");
                sim.after(sim.timings().terminatedVisibility(), "forget " + instance.id(),
                        () -> instances.remove(instance.id()));
            }
        });
        return previous;
    }

    /** Stops a pending or running instance; callers check the state first. */
    public InstanceState stop(Instance instance) {
        InstanceState previous = instance.state();
        if (previous != InstanceState.RUNNING && previous != InstanceState.PENDING) {
            return previous;
        }
        move(instance, InstanceState.STOPPING, "User initiated (" + REASON_TIME.format(sim.now()) + ")",
                "Client.UserInitiatedShutdown");
        long generation = instance.generation();
        sim.after(sim.timings().instanceStop(), "stopped " + instance.id(), () -> {
            if (instance.generation() == generation) {
                move(instance, InstanceState.STOPPED, null, "Client.UserInitiatedShutdown");
            }
        });
        return previous;
    }

    /** Starts a stopped instance; callers check the state first. */
    public InstanceState start(Instance instance) {
        InstanceState previous = instance.state();
        if (previous != InstanceState.STOPPED) {
            return previous;
        }
        move(instance, InstanceState.PENDING, "", null);
        scheduleBoot(instance, sim.timings().instanceBoot());
        return previous;
    }

    private void scheduleBoot(Instance instance, Duration bootTime) {
        long generation = instance.generation();
        sim.after(bootTime, "running " + instance.id(), () -> {
            if (instance.generation() == generation && instance.state() == InstanceState.PENDING) {
                move(instance, InstanceState.RUNNING, null, null);
            }
        });
    }

    private void move(Instance instance, InstanceState next, String reason, String reasonCode) {
        InstanceState previous = instance.state();
        instance.transition(next, sim.now(), reason, reasonCode);
        sim.log().record("instance." + next.apiName(), instance.id(), "from", previous.apiName());
        notifyListeners(instance, previous);
    }

    private void notifyListeners(Instance instance, InstanceState previous) {
        for (InstanceListener listener : List.copyOf(listeners)) {
            listener.onTransition(instance, previous);
        }
    }
}
