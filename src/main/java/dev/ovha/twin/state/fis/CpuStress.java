package dev.ovha.twin.state.fis;

import dev.ovha.twin.sim.Sim;
import dev.ovha.twin.state.cloudwatch.CloudWatchState;
import dev.ovha.twin.state.cloudwatch.CpuSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CPU stress on instances, seen through CloudWatch: while a stress runs, FIS's wrapper around the
 * current {@link CpuSource} raises the stressed instances' CPU. A minute only partly stressed averages
 * the stressed and the normal level by time, as CloudWatch's one-minute average would. Once the last
 * stress has ended and its last minute has been sampled, the original source is put back — unless
 * someone replaced the wrapper in the meantime, in which case theirs stays.
 */
final class CpuStress {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Sim sim;
    private final CloudWatchState cloudWatch;
    private StressedSource installed;

    CpuStress(Sim sim, CloudWatchState cloudWatch) {
        this.sim = sim;
        this.cloudWatch = cloudWatch;
    }

    /** One stress: instance → CPU percent, from now until {@code until} (moved earlier when stopped). */
    static final class Stress {
        private final Map<String, Double> levels;
        private final Instant from;
        private Instant until;

        private Stress(Map<String, Double> levels, Instant from, Instant until) {
            this.levels = Map.copyOf(levels);
            this.from = from;
            this.until = until;
        }
    }

    Stress apply(Map<String, Double> levels, Duration duration) {
        if (installed == null || cloudWatch.cpuSource() != installed) {
            installed = new StressedSource(cloudWatch.cpuSource());
            cloudWatch.setCpuSource(installed);
        }
        Stress stress = new Stress(levels, sim.now(), sim.now().plus(duration));
        installed.stresses.add(stress);
        scheduleCleanup(stress);
        return stress;
    }

    /** Ends a stress now (the experiment stopped); its partial minute still counts. */
    void end(Stress stress) {
        if (stress.until.isAfter(sim.now())) {
            stress.until = sim.now();
            scheduleCleanup(stress);
        }
    }

    /** Whether an instance is under stress at this instant. */
    boolean isStressed(String instanceId) {
        Instant now = sim.now();
        return installed != null && installed.stresses.stream().anyMatch(s -> s.levels.containsKey(instanceId)
                && !now.isBefore(s.from) && now.isBefore(s.until));
    }

    /** A minute after a stress ends, CloudWatch has sampled the last minute it touched. */
    private void scheduleCleanup(Stress stress) {
        Instant at = stress.until;
        sim.after(Duration.between(sim.now(), at).plus(MINUTE), "cpu stress cleanup", () -> {
            StressedSource source = installed;
            if (source == null) {
                return;
            }
            source.stresses.removeIf(s -> !s.until.plus(MINUTE).isAfter(sim.now()));
            if (source.stresses.isEmpty()) {
                if (cloudWatch.cpuSource() == source) {
                    cloudWatch.setCpuSource(source.base);
                }
                installed = null;
            }
        });
    }

    private static final class StressedSource implements CpuSource {
        private final CpuSource base;
        private final List<Stress> stresses = new ArrayList<>();

        private StressedSource(CpuSource base) {
            this.base = base;
        }

        @Override
        public double percent(String instanceId, Instant minute) {
            double normal = base.percent(instanceId, minute);
            Instant end = minute.plus(MINUTE);
            double raised = 0;
            for (Stress s : stresses) {
                Double level = s.levels.get(instanceId);
                if (level == null) {
                    continue;
                }
                Instant from = s.from.isAfter(minute) ? s.from : minute;
                Instant to = s.until.isBefore(end) ? s.until : end;
                if (to.isAfter(from)) {
                    raised += Math.max(0, level - normal) * Duration.between(from, to).toMillis() / MINUTE.toMillis();
                }
            }
            return Math.round(Math.min(100.0, normal + raised) * 100) / 100.0;
        }
    }
}
