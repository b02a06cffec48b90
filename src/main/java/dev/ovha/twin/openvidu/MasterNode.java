package dev.ovha.twin.openvidu;

import java.time.Instant;

/** One master node: its replication-manager and OpenVidu server, their state and logs. */
public final class MasterNode {

    private final String instanceId;
    private final String privateIp;
    private final NodeLog log = new NodeLog();
    private MasterStatus status = MasterStatus.BOOTING;
    private Instant startTime;
    private int restartCounter;
    private Instant lastRestartTime;
    private DotEnv config = DotEnv.of(java.util.Map.of());
    private String configVersion = "";
    private long generation;

    MasterNode(String instanceId, String privateIp) {
        this.instanceId = instanceId;
        this.privateIp = privateIp;
    }

    public String instanceId() {
        return instanceId;
    }

    public String privateIp() {
        return privateIp;
    }

    /** The id the HA health endpoint uses: {@code master_<private IP>}. */
    public String nodeId() {
        return "master_" + privateIp;
    }

    public NodeLog log() {
        return log;
    }

    public MasterStatus status() {
        return status;
    }

    public Instant startTime() {
        return startTime;
    }

    public int restartCounter() {
        return restartCounter;
    }

    public Instant lastRestartTime() {
        return lastRestartTime;
    }

    /** The configuration this master loaded: the shared {@code .env} plus its own {@code AWS_INSTANCE_ID}. */
    public DotEnv config() {
        return config;
    }

    String configVersion() {
        return configVersion;
    }

    long generation() {
        return generation;
    }

    void setStatus(MasterStatus status) {
        this.status = status;
        this.generation++;
    }

    void started(Instant at) {
        this.startTime = at;
    }

    void restarted(Instant at) {
        this.restartCounter++;
        this.lastRestartTime = at;
    }

    void load(DotEnv shared, String version) {
        this.config = shared.with(java.util.Map.of("AWS_INSTANCE_ID", instanceId));
        this.configVersion = version;
    }
}
