package dev.ovha.twin.state;

import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.sim.Sim;

import java.time.Duration;
import java.time.Instant;

/**
 * How the target group's health check sees a master node: it passes once the instance has been running
 * long enough for OpenVidu to start. A stopped or terminated instance is in an invalid state; a booting
 * or dying one times out. Faults make one master answer 502 or make new masters start slowly.
 */
public final class MasterReadinessProbe implements TargetProbe {

    private static final int SLOW_START_FACTOR = 10;

    private final Sim sim;
    private final Ec2State ec2;
    private final Instant twinStart;
    private volatile String failingInstanceId;

    public MasterReadinessProbe(Sim sim, Ec2State ec2) {
        this.sim = sim;
        this.ec2 = ec2;
        this.twinStart = sim.now();
    }

    /** The master whose OpenVidu answers 502 (fault {@code master-unhealthy}), or {@code null}. */
    public void setFailingInstance(String instanceId) {
        this.failingInstanceId = instanceId;
    }

    public String failingInstance() {
        return failingInstanceId;
    }

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
        if (instanceId.equals(failingInstanceId)) {
            return ProbeResult.codeMismatch(502);
        }
        Duration startup = sim.timings().masterStartup();
        if (sim.has(Fault.SLOW_MASTER_REPLACEMENT) && !instance.launchTime().isBefore(twinStart)) {
            startup = startup.multipliedBy(SLOW_START_FACTOR);
        }
        // The masters of the deployed stack were already up when the twin started.
        boolean seeded = instance.runningSince().isBefore(twinStart);
        boolean started = seeded || !sim.now().isBefore(instance.runningSince().plus(startup));
        // Before OpenVidu listens on 4443, the connection is refused.
        return started ? ProbeResult.pass() : ProbeResult.connectionRefused();
    }
}
