package dev.ovha.twin.openvidu;

import dev.ovha.twin.sim.Sim;
import dev.ovha.twin.state.Instance;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The media nodes the masters know, as the replication-manager keeps them in Redis (so every master
 * sees the same list): registered on a launch event, removed on a terminate event or when found
 * crashed after the reconnection window.
 */
final class MediaNodeRegistry {

    private static final String LISTENER = ReplicationManagerConsumer.LISTENER;

    private final Sim sim;
    private final Map<String, MediaNodeRecord> nodes = new LinkedHashMap<>();
    private boolean unstable;
    /** Told a crashed node's id: "all sessions on that node are closed" (openvidu-ha.md §2.5). */
    private final java.util.function.Consumer<String> crashed;

    MediaNodeRegistry(Sim sim, java.util.function.Consumer<String> crashed) {
        this.sim = sim;
        this.crashed = crashed;
    }

    List<MediaNodeRecord> all() {
        return List.copyOf(nodes.values());
    }

    Optional<MediaNodeRecord> find(String id) {
        return Optional.ofNullable(nodes.get(id.startsWith("media_") ? id.substring(6) : id));
    }

    boolean contains(String instanceId) {
        return nodes.containsKey(instanceId);
    }

    /** A media node that every master had registered when the twin started. */
    void seed(Instance instance) {
        MediaNodeRecord node = new MediaNodeRecord(instance.id(), instance.privateIp(), instance.launchTime());
        node.connect(instance.runningSince());
        node.setLoad(0);
        nodes.put(instance.id(), node);
    }

    /**
     * Fault {@code cluster-unstable}: the first registered media node loses its connection to the
     * masters but stays registered (it is not crashed, so it is not dropped).
     */
    void setUnstable(boolean value) {
        nodes.values().stream().findFirst().ifPresent(node -> {
            if (value) {
                node.disconnect(sim.now());
            } else {
                node.connect(sim.now());
            }
        });
        this.unstable = value;
    }

    void register(MasterNode handler, Instance instance) {
        handler.log().replicationManager(sim.now(), "INFO", LISTENER,
                "New Media Node (" + instance.id() + "," + instance.privateIp() + ") launched in autoscaling group");
        MediaNodeRecord node = nodes.computeIfAbsent(instance.id(), id -> new MediaNodeRecord(id, instance.privateIp(), sim.now()));
        node.connect(sim.now());
        sim.log().record("medianode.registered", instance.id(), "by", handler.instanceId());
    }

    void deregister(MasterNode handler, String instanceId, String ip) {
        handler.log().replicationManager(sim.now(), "INFO", LISTENER,
                "Media Node (" + instanceId + "," + ip + ") terminated in autoscaling group");
        MediaNodeRecord node = nodes.get(instanceId);
        if (node != null) {
            node.setStatus("terminating");
            sim.after(Duration.ofSeconds(1), "media node gone " + instanceId, () -> {
                node.setStatus("terminated");
                nodes.remove(instanceId);
                sim.log().record("medianode.deregistered", instanceId);
            });
        }
    }

    /**
     * A media node's instance died: the masters lose its WebSocket, try to reconnect for the reconnection
     * window (3 s on AWS), then mark it crashed and drop it. Its sessions die with the instance whatever
     * else happens in the window: the autoscaling group's terminate event for the dead instance may reach a
     * master first and deregister the node, and that must not leave its sessions answering.
     */
    void lost(String instanceId, Supplier<Collection<MasterNode>> serving) {
        MediaNodeRecord node = nodes.get(instanceId);
        if (node == null || (!node.connected() && !unstable)) {
            return;
        }
        node.disconnect(sim.now());
        sim.after(sim.timings().mediaNodeReconnectionTimeout(), "media node crashed " + node.environmentId(), () -> {
            if (node.connected()) {
                return;
            }
            if (nodes.get(node.environmentId()) == node && !node.status().startsWith("terminat")) {
                serving.get().forEach(m -> m.log().openViduServer(sim.now(), "WARN",
                        "io.openvidu.server.pro.cluster.MediaNodeManager", "Media Node " + node.id() + " crashed"));
                node.setStatus("terminating");
                sim.after(Duration.ofSeconds(1), "media node terminated " + node.environmentId(), () -> {
                    node.setStatus("terminated");
                    nodes.remove(node.environmentId());
                    sim.log().record("medianode.crashed", node.environmentId());
                });
            }
            crashed.accept(node.id());
        });
    }
}
