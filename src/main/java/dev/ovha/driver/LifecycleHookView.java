package dev.ovha.driver;

/**
 * A lifecycle hook of a group.
 *
 * @param name             hook name
 * @param transition       autoscaling:EC2_INSTANCE_LAUNCHING or autoscaling:EC2_INSTANCE_TERMINATING
 * @param defaultResult    CONTINUE or ABANDON
 * @param heartbeatSeconds how long an instance waits in the hook
 */
public record LifecycleHookView(String name, String transition, String defaultResult, int heartbeatSeconds) {
}
