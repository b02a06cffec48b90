package dev.ovha.twin.state;

import java.time.Instant;

/** A registered target of a target group and its health-check bookkeeping. */
public final class Target {

    private final String id;
    private final int port;
    private final String availabilityZone;
    private final Instant registeredAt;
    private TargetHealthState state = TargetHealthState.INITIAL;
    private String reason = "Elb.RegistrationInProgress";
    private String description = "Target registration is in progress";
    private int passes;
    private int failures;

    Target(String id, int port, String availabilityZone, Instant registeredAt) {
        this.id = id;
        this.port = port;
        this.availabilityZone = availabilityZone;
        this.registeredAt = registeredAt;
    }

    public String id() {
        return id;
    }

    public int port() {
        return port;
    }

    public String availabilityZone() {
        return availabilityZone;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public TargetHealthState state() {
        return state;
    }

    /** The reason code, or {@code null} when healthy. */
    public String reason() {
        return reason;
    }

    public String description() {
        return description;
    }

    int passes() {
        return passes;
    }

    int failures() {
        return failures;
    }

    void countPass() {
        passes++;
        failures = 0;
    }

    void countFailure() {
        failures++;
        passes = 0;
    }

    void resetCounts() {
        passes = 0;
        failures = 0;
    }

    void set(TargetHealthState state, String reason, String description) {
        this.state = state;
        this.reason = reason;
        this.description = description;
    }
}
