package dev.ovha.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets, checked against the figures: the suites' wall times, the verdict lag against the
 * poll interval, the prober's throughput and accuracy, and how cost grows with the stack.
 */
final class BenchTargets {
    static final String NOT_MEASURED = "not measured";
    static final double CONFORMANCE_SECONDS = 20;
    static final double FULL_SECONDS = 90;
    static final long LAG_ALLOWANCE_MS = 100;
    static final double PROBER_RPS = 200;
    static final long WINDOW_ERROR_MS = 200;
    static final double LARGEST_WALL_RATIO = 2;

    private BenchTargets() {
    }

    static List<BenchFigures.Target> of(BenchFigures f) {
        List<BenchFigures.Target> targets = new ArrayList<>();
        targets.add(atMost("@conformance suite wall time (median)", f.suiteConformanceS(), CONFORMANCE_SECONDS, "s"));
        targets.add(atMost("full suite wall time (median)", f.suiteFullS(), FULL_SECONDS, "s"));
        targets.add(new BenchFigures.Target("verdict lag p95", "<= poll interval + " + LAG_ALLOWANCE_MS + " = "
                + (f.pollIntervalMs() + LAG_ALLOWANCE_MS) + " ms", f.details().lagSamples() == 0 ? NOT_MEASURED : f.lagP95Ms() + " ms",
                f.details().lagSamples() > 0 && f.lagP95Ms() <= f.pollIntervalMs() + LAG_ALLOWANCE_MS));
        targets.add(new BenchFigures.Target("prober throughput", ">= " + fmt(PROBER_RPS) + " requests/s",
                f.proberRps() == 0 ? NOT_MEASURED : fmt(f.proberRps()) + " requests/s", f.proberRps() >= PROBER_RPS));
        targets.add(atMost("prober error window vs ground truth", f.proberWindowErrorMs() == null ? null
                : f.proberWindowErrorMs().doubleValue(), WINDOW_ERROR_MS, "ms"));
        for (BenchFigures.Scale s : f.scale().subList(Math.min(1, f.scale().size()), f.scale().size())) {
            targets.add(new BenchFigures.Target("AWS calls at " + s.masters() + "/" + s.media() + " grow at most linearly",
                    "ratio <= nodes ratio " + fmt(s.nodesRatio()), s.awsCallsRatio() == null ? NOT_MEASURED
                    : "ratio " + fmt(s.awsCallsRatio()), s.awsCallsRatio() != null && s.awsCallsRatio() <= s.nodesRatio()));
        }
        if (f.scale().size() > 1) {
            BenchFigures.Scale largest = f.scale().get(f.scale().size() - 1);
            targets.add(new BenchFigures.Target("wall time at " + largest.masters() + "/" + largest.media()
                    + " vs the smallest stack", "ratio <= " + fmt(LARGEST_WALL_RATIO),
                    largest.wallRatio() == null ? NOT_MEASURED : "ratio " + fmt(largest.wallRatio()),
                    largest.wallRatio() != null && largest.wallRatio() <= LARGEST_WALL_RATIO));
        }
        return targets;
    }

    private static BenchFigures.Target atMost(String name, Double value, double limit, String unit) {
        return new BenchFigures.Target(name, "<= " + fmt(limit) + " " + unit,
                value == null ? NOT_MEASURED : fmt(value) + " " + unit, value != null && value <= limit);
    }

    static String fmt(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.2f", value).replaceAll("0$", "");
    }
}
