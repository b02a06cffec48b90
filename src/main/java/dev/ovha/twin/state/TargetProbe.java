package dev.ovha.twin.state;

/** How the load balancer's health check sees a target: one call per check. */
@FunctionalInterface
public interface TargetProbe {
    ProbeResult probe(String instanceId, int port);
}
