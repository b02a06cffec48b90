package dev.ovha.twin.state;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An EC2 instance. Mutated only by {@link Ec2State}, under the state lock. */
public final class Instance {

    private final String id;
    private final String reservationId;
    private final String instanceType;
    private final String imageId;
    private final Subnet subnet;
    private final String privateIp;
    private final String securityGroupId;
    private final Instant launchTime;
    private final Map<String, String> tags;
    private InstanceState state;
    private Instant stateSince;
    private Instant runningSince;
    private String stateTransitionReason = "";
    private String stateReasonCode;
    private long generation;

    Instance(String id, String reservationId, String instanceType, String imageId, Subnet subnet, String privateIp,
             String securityGroupId, Instant launchTime, Map<String, String> tags) {
        this.id = id;
        this.reservationId = reservationId;
        this.instanceType = instanceType;
        this.imageId = imageId;
        this.subnet = subnet;
        this.privateIp = privateIp;
        this.securityGroupId = securityGroupId;
        this.launchTime = launchTime;
        this.tags = new LinkedHashMap<>(tags);
        this.state = InstanceState.PENDING;
        this.stateSince = launchTime;
    }

    public String id() {
        return id;
    }

    public String reservationId() {
        return reservationId;
    }

    public String instanceType() {
        return instanceType;
    }

    public String imageId() {
        return imageId;
    }

    public Subnet subnet() {
        return subnet;
    }

    public String availabilityZone() {
        return subnet.zone().name();
    }

    public String privateIp() {
        return privateIp;
    }

    public String privateDnsName() {
        return "ip-" + privateIp.replace('.', '-') + "." + subnet.zone().region() + ".compute.internal";
    }

    public String securityGroupId() {
        return securityGroupId;
    }

    public Instant launchTime() {
        return launchTime;
    }

    public Map<String, String> tags() {
        return Collections.unmodifiableMap(tags);
    }

    public InstanceState state() {
        return state;
    }

    public Instant stateSince() {
        return stateSince;
    }

    /** When the instance last entered {@code running}, or {@code null} if it is not running. */
    public Instant runningSince() {
        return state == InstanceState.RUNNING ? runningSince : null;
    }

    public String stateTransitionReason() {
        return stateTransitionReason;
    }

    public String stateReasonCode() {
        return stateReasonCode;
    }

    /** Bumped on every transition, so that a scheduled follow-up can tell it is stale. */
    long generation() {
        return generation;
    }

    void transition(InstanceState next, Instant at, String reason, String reasonCode) {
        this.state = next;
        this.stateSince = at;
        if (next == InstanceState.RUNNING) {
            this.runningSince = at;
        }
        if (reason != null) {
            this.stateTransitionReason = reason;
        }
        this.stateReasonCode = reasonCode;
        this.generation++;
    }
}
