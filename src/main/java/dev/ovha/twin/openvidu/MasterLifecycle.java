package dev.ovha.twin.openvidu;

import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.sim.Sim;
import dev.ovha.twin.state.Instance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How masters come and go: boot when their instance runs (read the {@code .env}, start OpenVidu),
 * die with it (their sessions with them), restart on a configuration change, and watch the S3
 * {@code .env}. Each serving master also reads the stack's queue through its replication-manager.
 *
 * <p>Where the vendor's closed-source replication-manager is undocumented, the twin does the simplest
 * thing consistent with the documentation: masters poll the {@code .env}'s version every
 * {@code configPollInterval} and, with auto-restart on, restart themselves when it changes; a restart
 * takes {@code masterRestart}.
 */
final class MasterLifecycle {

    private static final String S3_SYNC = "i.o.r.m.s.S3ConfigurationSync";

    private final Sim sim;
    private final ConfigStore store;
    private final SessionRegistry sessions;
    private final Map<String, MasterNode> masters;
    private final String version;
    private final Instant twinStart;
    private ReplicationManagerConsumer consumer;
    private int consumers;

    MasterLifecycle(Sim sim, ConfigStore store, SessionRegistry sessions, Map<String, MasterNode> masters, String version) {
        this.sim = sim;
        this.store = store;
        this.sessions = sessions;
        this.masters = masters;
        this.version = version;
        this.twinStart = sim.now();
    }

    /** A master that was already up when the twin started. */
    void seed(Instance instance) {
        MasterNode master = new MasterNode(instance.id(), instance.privateIp());
        masters.put(instance.id(), master);
        loadConfig(master);
        master.started(instance.runningSince().plus(sim.timings().masterStartup()));
        master.setStatus(MasterStatus.UP);
        schedulePoll(master);
    }

    /** From now on every serving master reads the queue through {@code queueConsumer}. */
    void consumeWith(ReplicationManagerConsumer queueConsumer) {
        this.consumer = queueConsumer;
        masters.values().stream().filter(m -> m.status() == MasterStatus.UP).forEach(m -> consumer.start(m, consumers++));
    }

    void boot(Instance instance) {
        MasterNode master = masters.computeIfAbsent(instance.id(), id -> new MasterNode(id, instance.privateIp()));
        master.setStatus(MasterStatus.BOOTING);
        Duration startup = sim.timings().masterStartup();
        if (sim.has(Fault.SLOW_MASTER_REPLACEMENT) && !instance.launchTime().isBefore(twinStart)) {
            startup = startup.multipliedBy(10);
        }
        long generation = master.generation();
        sim.after(startup, "openvidu up " + instance.id(), () -> {
            if (master.generation() == generation) {
                loadConfig(master);
                master.started(sim.now());
                master.setStatus(MasterStatus.UP);
                master.log().openViduServer(sim.now(), "INFO", "io.openvidu.server.pro.OpenViduServerPro",
                        "OpenVidu Enterprise " + version + " is ready on instance " + instance.id());
                sim.log().record("master.up", instance.id());
                schedulePoll(master);
                startConsuming(master);
            }
        });
    }

    private void startConsuming(MasterNode master) {
        if (consumer != null) {
            consumer.start(master, consumers++);
        }
    }

    void crash(MasterNode master) {
        if (master.status() == MasterStatus.DOWN) {
            return;
        }
        master.setStatus(MasterStatus.DOWN);
        List<String> lost = sim.has(Fault.SESSIONS_LOST_ON_FAILOVER) ? sessions.dropAll() : sessions.dropOwnedBy(master.instanceId());
        sim.log().record("master.down", master.instanceId(), "sessionsLost", String.valueOf(lost.size()));
        // Forgotten with its instance, so a long chaos run does not keep every dead master's logs.
        long generation = master.generation();
        sim.after(sim.timings().terminatedVisibility(), "forget master " + master.instanceId(), () -> {
            if (master.generation() == generation && master.status() == MasterStatus.DOWN) {
                masters.remove(master.instanceId());
            }
        });
    }

    void loadConfig(MasterNode master) {
        ConfigStore.Versioned current = store.read().orElse(new ConfigStore.Versioned("", "none"));
        master.load(DotEnv.parse(current.text()), current.version());
        master.log().replicationManager(sim.now(), "INFO", S3_SYNC, current.text().isEmpty()
                ? "=> Configuration file not found in S3"
                : "=> Configuration file updated from S3 to local file /opt/openvidu/.env");
    }

    /**
     * Restarts every serving master (what {@code POST /restart} does). They come back with
     * {@code configuration} when given — even if it never reached the store — else with the store's.
     */
    void restartAll(String reason, Optional<DotEnv> configuration) {
        for (MasterNode master : masters.values()) {
            if (master.status() == MasterStatus.UP) {
                restart(master, reason, configuration);
            }
        }
    }

    private void restart(MasterNode master, String reason) {
        restart(master, reason, Optional.empty());
    }

    private void restart(MasterNode master, String reason, Optional<DotEnv> configuration) {
        master.setStatus(MasterStatus.RESTARTING);
        master.log().replicationManager(sim.now(), "INFO", S3_SYNC, "Restarting OpenVidu: " + reason);
        sim.log().record("master.restarting", master.instanceId(), "reason", reason);
        long generation = master.generation();
        sim.after(sim.timings().masterRestart(), "restarted " + master.instanceId(), () -> {
            if (master.generation() == generation) {
                if (configuration.isPresent()) {
                    master.load(configuration.get(), store.read().map(ConfigStore.Versioned::version).orElse("none"));
                } else {
                    loadConfig(master);
                }
                master.restarted(sim.now());
                master.setStatus(MasterStatus.UP);
                sim.log().record("master.restarted", master.instanceId(), "restartCounter", String.valueOf(master.restartCounter()));
                schedulePoll(master);
                startConsuming(master);
            }
        });
    }

    /**
     * The replication-manager's S3 watch: with auto-restart on, a changed {@code .env} restarts this
     * master. Faults {@code no-autorestart} and {@code env-out-of-sync}: the change is never picked up; fault
     * {@code autorestart-ignored}: it is picked up even with auto-restart off.
     */
    private void schedulePoll(MasterNode master) {
        long generation = master.generation();
        sim.after(sim.timings().configPollInterval(), "s3 poll " + master.instanceId(), () -> {
            if (master.generation() != generation || master.status() != MasterStatus.UP) {
                return;
            }
            String latest = store.read().map(ConfigStore.Versioned::version).orElse("none");
            boolean autoRestart = master.config().flag("OPENVIDU_ENTERPRISE_S3_CONFIG_AUTORESTART")
                    || sim.has(Fault.AUTORESTART_IGNORED);
            if (!latest.equals(master.configVersion()) && autoRestart && !sim.has(Fault.NO_AUTORESTART)
                    && !sim.has(Fault.ENV_OUT_OF_SYNC)) {
                restart(master, "configuration file changed in S3");
            } else {
                schedulePoll(master);
            }
        });
    }
}
