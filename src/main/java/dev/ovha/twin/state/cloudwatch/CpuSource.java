package dev.ovha.twin.state.cloudwatch;

import java.time.Instant;

/**
 * Where the twin's {@code AWS/EC2 CPUUtilization} comes from: the average CPU of one instance, in
 * percent (0–100), over the minute that starts at {@code minute}. Pluggable so that a fault (a CPU
 * stress experiment, a runaway process) can raise it: wrap the current source, see
 * {@link CloudWatchState#setCpuSource}.
 */
@FunctionalInterface
public interface CpuSource {
    double percent(String instanceId, Instant minute);
}
