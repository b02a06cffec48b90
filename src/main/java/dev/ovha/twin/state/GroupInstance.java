package dev.ovha.twin.state;

import java.time.Instant;

/** An instance as its Auto Scaling group sees it. */
public final class GroupInstance {

    private final String instanceId;
    private final String availabilityZone;
    private final String instanceType;
    private final Instant launchedAt;
    private LifecycleState lifecycleState;
    private String healthStatus = "Healthy";
    private boolean protectedFromScaleIn;
    private ScalingActivity activity;
    private boolean terminationRequested;

    GroupInstance(String instanceId, String availabilityZone, String instanceType, Instant launchedAt,
                  LifecycleState lifecycleState, boolean protectedFromScaleIn) {
        this.instanceId = instanceId;
        this.availabilityZone = availabilityZone;
        this.instanceType = instanceType;
        this.launchedAt = launchedAt;
        this.lifecycleState = lifecycleState;
        this.protectedFromScaleIn = protectedFromScaleIn;
    }

    public String instanceId() {
        return instanceId;
    }

    public String availabilityZone() {
        return availabilityZone;
    }

    public String instanceType() {
        return instanceType;
    }

    public Instant launchedAt() {
        return launchedAt;
    }

    public LifecycleState lifecycleState() {
        return lifecycleState;
    }

    public String healthStatus() {
        return healthStatus;
    }

    public boolean protectedFromScaleIn() {
        return protectedFromScaleIn;
    }

    ScalingActivity activity() {
        return activity;
    }

    void setActivity(ScalingActivity activity) {
        this.activity = activity;
    }

    void setLifecycleState(LifecycleState lifecycleState) {
        this.lifecycleState = lifecycleState;
    }

    boolean terminationRequested() {
        return terminationRequested;
    }

    void markTerminationRequested() {
        this.terminationRequested = true;
    }

    void markUnhealthy() {
        this.healthStatus = "Unhealthy";
    }

    public void setProtectedFromScaleIn(boolean value) {
        this.protectedFromScaleIn = value;
    }
}
