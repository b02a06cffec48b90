package dev.ovha.twin.state.cloudwatch;

import java.time.Instant;

/** One instance's CPU over one minute, as EC2 publishes it (with the instance's Auto Scaling group, if any). */
public record CpuSample(Instant minute, String instanceId, String groupName, double percent) {
}
