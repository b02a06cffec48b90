package dev.ovha.bench;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * {@code reports/bench/bench.json}: the figures at the top (the names the README and the issue use), how
 * they were obtained under {@code details}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record BenchFigures(Double suiteConformanceS, Double suiteFullS, long lagP50Ms, long lagP95Ms, long lagMaxMs,
                    long pollIntervalMs, double proberRps, Long proberWindowErrorMs, List<Scale> scale, Details details) {

    /** One stack size's conformance run: median wall time and AWS calls, and their ratios to the smallest. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Scale(int masters, int media, Double wallS, Long awsCalls, Double wallRatio, Double awsCallsRatio,
                 double nodesRatio, int runs) {
    }

    /** A target of the issue, with the value measured and whether it was met. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Target(String name, String limit, String value, boolean met) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Details(String command, String started, double benchDurationS, int cores, double loadAverageAtStart,
                   List<String> suiteJvmArgs, double timeScale, String conformanceTags, String fullTags,
                   List<Double> suiteConformanceRunsS, List<Double> suiteFullRunsS, int lagSamples,
                   int lagHeldBeforeTheWait, Map<String, List<Long>> lagByCondition,
                   List<VerdictLag.Unmatched> lagUnmatched, ProberBench.Result prober, List<Target> targets,
                   List<String> problems) {
    }
}
