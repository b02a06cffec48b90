package dev.ovha.twin.state;

/** ELBv2 target health states, with their API names. */
public enum TargetHealthState {
    INITIAL("initial"),
    HEALTHY("healthy"),
    UNHEALTHY("unhealthy"),
    UNUSED("unused"),
    DRAINING("draining"),
    UNAVAILABLE("unavailable");

    private final String apiName;

    TargetHealthState(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
