package dev.ovha.driver;

import java.util.Optional;

/**
 * One registered target and its health, as DescribeTargetHealth reports it.
 *
 * @param instanceId  the target's instance id
 * @param port        the port it is checked on
 * @param state       initial, healthy, unhealthy, unused, draining, unavailable
 * @param reason      AWS's reason code, e.g. {@code Target.ResponseCodeMismatch}
 * @param description AWS's explanation, e.g. {@code Health checks failed with these codes: [502]}
 */
public record TargetView(String instanceId, int port, String state, Optional<String> reason,
                         Optional<String> description) {
    public boolean healthy() {
        return state.equals("healthy");
    }

    /** {@code unhealthy (Target.ResponseCodeMismatch: Health checks failed with these codes: [502])}. */
    public String explained() {
        return state + reason.map(r -> " (" + r + description.map(d -> ": " + d).orElse("") + ")").orElse("");
    }
}
