package dev.ovha.twin.state;

import java.time.Duration;

/** A lifecycle hook; nobody completes the template's hooks, so each simply times out after its heartbeat. */
public record LifecycleHook(String name, String groupName, String transition, Duration heartbeatTimeout,
                            String defaultResult) {

    public static final String LAUNCHING = "autoscaling:EC2_INSTANCE_LAUNCHING";
    public static final String TERMINATING = "autoscaling:EC2_INSTANCE_TERMINATING";
}
