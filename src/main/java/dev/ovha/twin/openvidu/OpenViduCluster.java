package dev.ovha.twin.openvidu;

import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.sim.Sim;
import dev.ovha.twin.state.Ec2State;
import dev.ovha.twin.state.Instance;
import dev.ovha.twin.state.InstanceListener;
import dev.ovha.twin.state.InstanceState;
import dev.ovha.twin.state.ProbeResult;
import dev.ovha.twin.state.StackTopology;
import dev.ovha.twin.state.TargetProbe;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenVidu side of the stack, as its REST API, the load balancer and SSM see it: one
 * {@link MasterNode} per running master instance ({@link MasterLifecycle} boots, restarts and buries
 * them), the media nodes the masters have registered ({@link MediaNodeRegistry}), the shared sessions
 * ({@link SessionRegistry}) and the shared {@code .env} ({@link ConfigStore}). It follows EC2: a master
 * boots when its instance runs and dies with it; a media node whose instance dies without a terminate
 * event is found crashed after the reconnection window.
 */
public final class OpenViduCluster implements InstanceListener, TargetProbe {


    private final Sim sim;
    private final Ec2State ec2;
    private final StackTopology topology;
    private final String version;
    private final String secret;
    private final ConfigStore store;
    private final SessionRegistry sessions;
    private final Map<String, MasterNode> masters = new LinkedHashMap<>();
    private final MediaNodeRegistry mediaNodes;
    private String failingMaster;
    private String envBeforeEdit;
    private final MasterLifecycle lifecycle;

    /** The replication-managers read the stack's queue from now on (the seed calls it once the queue exists). */
    public void consumeFrom(dev.ovha.twin.state.sqs.SqsState sqs) {
        lifecycle.consumeWith(new ReplicationManagerConsumer(sim, sqs, ec2, this, topology.queueName()));
    }

    /** Whether the instance can be reached over the network (a cut subnet says no). */
    boolean reachable(String instanceId) {
        return ec2.network().isReachable(instanceId);
    }

    public OpenViduCluster(Sim sim, Ec2State ec2, StackTopology topology, String version, String secret, ConfigStore store) {
        this.sim = sim;
        this.ec2 = ec2;
        this.topology = topology;
        this.version = version;
        this.secret = secret;
        this.store = store;
        // Its own id stream: sessions created by API traffic must not shift the instance ids.
        this.sessions = new SessionRegistry(sim.ids().fork("openvidu-sessions"));
        this.mediaNodes = new MediaNodeRegistry(sim, nodeId -> {
            List<String> closed = sessions.dropOnMediaNode(nodeId);
            sim.log().record("medianode.sessions-closed", nodeId, "sessions", String.join(",", closed));
        });
        this.lifecycle = new MasterLifecycle(sim, store, sessions, masters, version);
        ec2.addListener(this);
    }

    public String version() {
        return version;
    }

    public StackTopology topology() {
        return topology;
    }

    public ConfigStore store() {
        return store;
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    public Instant now() {
        return sim.now();
    }

    /** Whether {@code candidate} is the OpenVidu secret (the REST API's Basic-auth password). */
    public boolean acceptsSecret(String candidate) {
        return java.security.MessageDigest.isEqual(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                candidate.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public List<MasterNode> masters() {
        return List.copyOf(masters.values());
    }

    public Optional<MasterNode> master(String instanceId) {
        return Optional.ofNullable(masters.get(instanceId));
    }

    public List<MediaNodeRecord> mediaNodes() {
        return mediaNodes.all();
    }

    public Optional<MediaNodeRecord> mediaNode(String id) {
        return mediaNodes.find(id);
    }

    /** A master that was already up when the twin started. */
    public void seedMaster(Instance instance) {
        lifecycle.seed(instance);
    }

    /** A media node that every master had registered when the twin started. */
    public void seedMediaNode(Instance instance) {
        mediaNodes.seed(instance);
    }

    /**
     * Fault {@code cluster-unstable}: the first registered media node loses its connection to the
     * masters but stays registered (it is not crashed, so it is not dropped).
     */
    public void setUnstable(boolean unstable) {
        mediaNodes.setUnstable(unstable);
    }

    /** The master whose OpenVidu answers health checks with 502 (fault {@code master-unhealthy}), or none. */
    public void setFailingMaster(String instanceId) {
        this.failingMaster = instanceId;
    }

    @Override
    public void onTransition(Instance instance, InstanceState previous) {
        String group = instance.tags().getOrDefault("aws:autoscaling:groupName", "");
        if (group.equals(topology.masterGroupName())) {
            if (instance.state() == InstanceState.RUNNING) {
                lifecycle.boot(instance);
            } else if (instance.state().isDown() && masters.containsKey(instance.id())) {
                lifecycle.crash(masters.get(instance.id()));
            }
        } else if (group.equals(topology.mediaGroupName()) && instance.state().isDown()) {
            mediaNodes.lost(instance.id(), () -> masters.values().stream().filter(m -> m.status() == MasterStatus.UP).toList());
        }
    }

    /** The replication-manager handled a launch event: the node is registered and connects. */
    public void registerMediaNode(MasterNode handler, Instance instance) {
        mediaNodes.register(handler, instance);
    }

    /** The replication-manager handled a terminate event: the node leaves the cluster. */
    public void deregisterMediaNode(MasterNode handler, String instanceId, String ip) {
        mediaNodes.deregister(handler, instanceId, ip);
    }

    /**
     * The load balancer's health check against a master's port 4443: from 2.32.1 {@code GET /}
     * expecting 401-403, before that {@code GET /openvidu/health} expecting 200. Either passes exactly
     * when the replication-manager serves.
     */
    @Override
    public ProbeResult probe(String instanceId, int port) {
        Instance instance = ec2.instance(instanceId).orElse(null);
        if (instance == null) {
            return ProbeResult.invalidState("terminated");
        }
        switch (instance.state()) {
            case STOPPED, TERMINATED:
                return ProbeResult.invalidState(instance.state().apiName());
            case PENDING, STOPPING, SHUTTING_DOWN:
                return ProbeResult.timeout();
            default:
                break;
        }
        if (!reachable(instanceId)) {
            return ProbeResult.timeout(); // its subnet is cut off (FIS disrupt-connectivity): the check gets no answer
        }
        if (instanceId.equals(failingMaster)) {
            return ProbeResult.codeMismatch(502);
        }
        MasterNode master = masters.get(instanceId);
        return master != null && master.status() == MasterStatus.UP ? ProbeResult.pass() : ProbeResult.connectionRefused();
    }

    /** Whether a request forwarded to this master now is answered (else the load balancer answers 502). */
    public boolean serves(String instanceId) {
        MasterNode master = masters.get(instanceId);
        Instance instance = ec2.instance(instanceId).orElse(null);
        return master != null && master.status() == MasterStatus.UP && instance != null
                && instance.state() == InstanceState.RUNNING && !instanceId.equals(failingMaster)
                && reachable(instanceId);
    }

    /**
     * The sessions a master answers about: all of the cluster's, shared through Redis. Fault
     * {@code sessions-not-shared}: only the ones it created itself.
     */
    public List<SessionRecord> sessionsSeenBy(MasterNode self) {
        return sessions.all().stream().filter(s -> seenBy(self, s)).toList();
    }

    public Optional<SessionRecord> sessionSeenBy(MasterNode self, String id) {
        return sessions.find(id).filter(s -> seenBy(self, s));
    }

    private boolean seenBy(MasterNode self, SessionRecord session) {
        return !sim.has(Fault.SESSIONS_NOT_SHARED) || session.ownerInstanceId().equals(self.instanceId());
    }

    /**
     * Fault {@code config-drift}: the first master's {@code .env} was edited by hand (another maximum
     * receive bandwidth); clearing it, or any restart, reloads the shared one.
     */
    public void setConfigDrift(boolean drift) {
        masters.values().stream().filter(m -> m.status() == MasterStatus.UP).findFirst().ifPresent(master -> {
            if (drift) {
                master.load(master.config().with(Map.of("OPENVIDU_STREAMS_VIDEO_MAX_RECV_BANDWIDTH", "2000")),
                        master.configVersion());
            } else {
                lifecycle.loadConfig(master);
            }
        });
    }

    /**
     * Fault {@code env-out-of-sync}: the S3 {@code .env} gets another maximum send bandwidth, which the
     * masters do not pick up (their S3 watch reads the fault); clearing it writes the previous file back,
     * whose ETag is again the one the masters loaded.
     */
    public void setEnvOutOfSync(boolean outOfSync) {
        if (outOfSync) {
            envBeforeEdit = store.read().map(ConfigStore.Versioned::text).orElse(null);
            if (envBeforeEdit != null) {
                store.write(DotEnv.parse(envBeforeEdit).with(Map.of("OPENVIDU_STREAMS_VIDEO_MAX_SEND_BANDWIDTH", "1500")).format());
            }
        } else if (envBeforeEdit != null) {
            store.write(envBeforeEdit);
            envBeforeEdit = null;
        }
    }

    /**
     * The media nodes a master lists. Fault {@code media-view-differs}: the first master's view misses the
     * first node (a stale copy of what the others share through Redis).
     */
    public List<MediaNodeRecord> mediaNodesSeenBy(MasterNode self) {
        List<MediaNodeRecord> all = mediaNodes.all();
        boolean stale = sim.has(Fault.MEDIA_VIEW_DIFFERS) && !all.isEmpty()
                && masters.values().stream().findFirst().map(m -> m == self).orElse(false);
        return stale ? all.subList(1, all.size()) : all;
    }

    /** Creates a session owned by {@code owner}; an existing custom id is a conflict. */
    public SessionRecord createSession(MasterNode owner, Optional<String> customId, Map<String, Object> properties) {
        return createSession(owner, customId, properties, Optional.empty());
    }

    /** As above, allocated at once to {@code mediaNodeId} when the request names a media node. */
    public SessionRecord createSession(MasterNode owner, Optional<String> customId, Map<String, Object> properties,
                                       Optional<String> mediaNodeId) {
        SessionRecord session = sessions.create(owner.instanceId(), customId, properties, sim.now(), mediaNodeId);
        sim.log().record("session.created", session.id(), "owner", owner.instanceId());
        return session;
    }

    public void closeSession(String id) {
        sessions.close(id);
        sim.log().record("session.closed", id);
    }

    public ConnectionRecord connect(SessionRecord session, String data, String role, boolean record) {
        return sessions.connect(session, topology.domainName(), data, role, record, sim.now());
    }

    public void disconnect(SessionRecord session, String connectionId) {
        if (!session.remove(connectionId)) {
            throw new ClusterRejection(ClusterRejection.Kind.NOT_FOUND, "Connection " + connectionId + " does not exist");
        }
    }

    public ConnectionRecord updateConnection(SessionRecord session, String connectionId, String role, Boolean record) {
        ConnectionRecord connection = session.connections().stream().filter(c -> c.id().equals(connectionId)).findFirst()
                .orElseThrow(() -> new ClusterRejection(ClusterRejection.Kind.NOT_FOUND, "Connection " + connectionId + " does not exist"));
        connection.update(role, record);
        return connection;
    }

    /**
     * {@code POST /restart}: persists the new configuration to the shared {@code .env} (fault
     * {@code restart-not-persisted}: it does not) and restarts every master with it.
     */
    public void applyRestart(Map<String, String> changes) {
        DotEnv current = DotEnv.parse(store.read().map(ConfigStore.Versioned::text).orElse(""));
        DotEnv updated = current.with(changes);
        if (!sim.has(Fault.RESTART_NOT_PERSISTED) && !changes.isEmpty()) {
            store.write(updated.format());
        }
        lifecycle.restartAll(changes.isEmpty() ? "restart requested through the REST API"
                : "configuration changed through the REST API: " + String.join(", ", changes.keySet()), Optional.of(updated));
    }

    /**
     * What a shell on the instance prints: a master's compose logs through {@link MasterShell}; on a
     * media node there is no {@code /opt/openvidu} compose project of the masters.
     */
    public dev.ovha.twin.state.ShellResult shell(String instanceId, List<String> commands) {
        MasterNode master = masters.get(instanceId);
        if (master == null) {
            return new dev.ovha.twin.state.ShellResult(1, "", "No such service: replication-manager\n");
        }
        List<SessionRecord> hosted = sessions.all().stream().filter(s -> s.ownerInstanceId().equals(instanceId)).toList();
        return MasterShell.run(master.log(), sim.now(), commands,
                command -> LocalSessionsCommand.run(command, master, hosted));
    }

    /** Whether SSM can reach the instance: running, and for masters unless their role lacks SSM (fault). */
    public boolean ssmManaged(String instanceId) {
        Instance instance = ec2.instance(instanceId).orElse(null);
        if (instance == null || instance.state() != InstanceState.RUNNING) {
            return false;
        }
        return !(masters.containsKey(instanceId) && sim.has(Fault.MASTERS_NOT_SSM_MANAGED));
    }

    Sim sim() {
        return sim;
    }

    /** Runs {@code work} under the twin's state lock: every REST request does. */
    public <T> T locked(java.util.function.Supplier<T> work) {
        return sim.locked(work);
    }
}
