package dev.ovha.twin.state;

/** Auto Scaling instance lifecycle states (the subset a non-warm-pool group goes through). */
public enum LifecycleState {
    PENDING("Pending"),
    PENDING_WAIT("Pending:Wait"),
    PENDING_PROCEED("Pending:Proceed"),
    IN_SERVICE("InService"),
    TERMINATING("Terminating"),
    TERMINATING_WAIT("Terminating:Wait"),
    TERMINATING_PROCEED("Terminating:Proceed"),
    TERMINATED("Terminated");

    private final String apiName;

    LifecycleState(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** Counts towards the group's capacity (AWS excludes instances on their way out). */
    public boolean countsTowardsCapacity() {
        return ordinal() <= IN_SERVICE.ordinal();
    }
}
