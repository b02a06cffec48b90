package dev.ovha.twin.state.cloudwatch;

import java.time.Instant;

/**
 * The default CPU of an idle OpenVidu node: each instance has its own steady level between 5 % and
 * 15 %, with a little per-minute jitter, all derived from the twin's seed — low enough that the
 * stack's scale-down alarm (average below 30 %) is in ALARM and the scale-up alarm (above 70 %) is OK,
 * as on an idle real stack. Deterministic: a pure function of seed, instance id and minute.
 */
public final class SteadyCpuSource implements CpuSource {

    private static final double LOW = 5.0;
    private static final double HIGH = 15.0;
    private static final double JITTER = 1.0;

    private final long seed;

    public SteadyCpuSource(long seed) {
        this.seed = seed;
    }

    @Override
    public double percent(String instanceId, Instant minute) {
        double level = LOW + (HIGH - LOW) * unit(mix(seed ^ instanceId.hashCode()));
        double jitter = (unit(mix(seed + 31L * instanceId.hashCode() + minute.getEpochSecond())) - 0.5) * 2 * JITTER;
        double value = Math.max(LOW, Math.min(HIGH, level + jitter));
        return Math.round(value * 100) / 100.0;
    }

    /** A 64-bit finaliser (SplitMix64's): turns nearby inputs into unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }
}
