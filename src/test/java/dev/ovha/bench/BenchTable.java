package dev.ovha.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The benchmark's figures as a console table. */
final class BenchTable {
    private BenchTable() {
    }

    static void print(PrintStream out, BenchFigures f, Path json) {
        BenchFigures.Details d = f.details();
        out.println();
        out.printf(Locale.ROOT, "ovha benchmark: %d cores, load average %.2f at start, suite JVM %s, time scale %s%n",
                d.cores(), d.loadAverageAtStart(), String.join(" ", d.suiteJvmArgs()), BenchTargets.fmt(d.timeScale()));
        out.printf(Locale.ROOT, "  %-44s %s%n", "@conformance suite, runs (s)", d.suiteConformanceRunsS());
        out.printf(Locale.ROOT, "  %-44s %s  (%s)%n", "full suite, runs (s)", d.suiteFullRunsS(),
                d.fullTags().isEmpty() ? "every scenario under features/" : d.fullTags());
        out.printf(Locale.ROOT, "  %-44s p50 %d, p95 %d, max %d ms over %d waits (%d already true when the wait began);"
                        + " poll interval %d ms%n", "verdict lag", f.lagP50Ms(), f.lagP95Ms(), f.lagMaxMs(), d.lagSamples(),
                d.lagHeldBeforeTheWait(), f.pollIntervalMs());
        d.lagByCondition().forEach((condition, lags) -> out.printf(Locale.ROOT, "  %-44s %s%n", "  " + condition + " (ms)", lags));
        // One line per reason: a full suite has many waits of the same kind (its steady-state checks).
        Map<String, List<String>> unmatched = new TreeMap<>();
        d.lagUnmatched().forEach(u -> unmatched.computeIfAbsent(u.reason(), r -> new ArrayList<>()).add(u.waitName()));
        unmatched.forEach((reason, waits) -> out.printf("  %-44s %d x %s, e.g. '%s'%n", "  not compared", waits.size(),
                reason, waits.get(0)));
        ProberBench.Result p = d.prober();
        out.printf(Locale.ROOT, "  %-44s %.1f requests/s at %s/s; window %d ms vs truth %d ms, start %+d ms, end %+d ms%s%n",
                "prober (master termination)", p.rps(), BenchTargets.fmt(p.rate()), p.windowMillis(), p.truthMillis(),
                p.startErrorMillis(), p.endErrorMillis(), p.problem() == null ? "" : " (" + p.problem() + ")");
        out.println();
        out.printf("  %-8s %-6s %-7s %-10s %-9s %-10s %-11s%n", "masters", "media", "wall_s", "wall_ratio", "aws_calls",
                "calls_ratio", "nodes_ratio");
        for (BenchFigures.Scale s : f.scale()) {
            out.printf(Locale.ROOT, "  %-8d %-6d %-7s %-10s %-9s %-10s %-11s%n", s.masters(), s.media(), str(s.wallS()),
                    str(s.wallRatio()), s.awsCalls() == null ? "-" : s.awsCalls().toString(), str(s.awsCallsRatio()),
                    BenchTargets.fmt(s.nodesRatio()));
        }
        out.println();
        for (BenchFigures.Target t : d.targets()) {
            out.printf("  %-7s %-52s %-28s %s%n", t.met() ? "met" : t.value().equals(BenchTargets.NOT_MEASURED) ? "-" : "MISSED", t.name(), t.value(), t.limit());
        }
        d.problems().forEach(problem -> out.println("  problem: " + problem));
        out.println("written: " + json);
    }

    private static String str(Double value) {
        return value == null ? "-" : BenchTargets.fmt(value);
    }
}
