package dev.ovha.bench;

import dev.ovha.config.ConfigException;
import dev.ovha.config.HarnessConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code scripts/bench}: times the suite against the twin, compares the harness's verdicts with the twin's
 * ground truth, measures the availability prober, and checks how the suite's cost grows with the stack.
 * Prints a table and writes {@code reports/bench/bench.json} (each run's result and console under
 * {@code reports/bench/runs/}, the prober's timeline under {@code reports/bench/prober/}).
 *
 * <p>Exit status: 0 when every run completed with no failed or broken scenario (whether or not the
 * targets were met: they are figures, not verdicts), 1 when a run failed, broke or could not be measured
 * (the figures are still written), 2 on bad input (nothing run).
 */
public final class BenchMain {
    /** Set per run by the benchmark itself, so not forwarded from its own command line. */
    private static final Set<String> OWN_KEYS = Set.of("ovha.target", "ovha.config.file", "ovha.twin.masters",
            "ovha.twin.media");
    private static final Duration RUN_LIMIT = Duration.ofMinutes(10);
    private static final int PROBER_ATTEMPTS = 2;

    private BenchMain() {
    }

    public static void main(String[] args) {
        BenchOptions options;
        Map<String, String> settings;
        HarnessConfig config;
        Path root = Path.of("").toAbsolutePath();
        try {
            options = BenchOptions.parse(args);
            settings = forwardedSettings();
            config = resolve(settings, root);
            if (!Files.isDirectory(root.resolve("features"))) {
                throw new IllegalArgumentException("no features/ directory in " + root + ": run it from the project directory");
            }
        } catch (IllegalArgumentException | ConfigException e) {
            System.err.println("scripts/bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new Bench(options, settings, config, root).run(String.join(" ", args)));
    }

    /** The {@code ovha.*} system properties this JVM was given, for every suite run. */
    private static Map<String, String> forwardedSettings() {
        Map<String, String> settings = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(key -> key.startsWith("ovha.") && !OWN_KEYS.contains(key))
                .forEach(key -> settings.put(key, System.getProperty(key)));
        return settings;
    }

    /** The configuration the suite runs will resolve, checked here so that a bad value stops nothing midway. */
    private static HarnessConfig resolve(Map<String, String> settings, Path root) {
        Properties properties = new Properties();
        properties.putAll(settings);
        properties.put("ovha.target", "twin");
        return HarnessConfig.resolve(Map.of(), properties, root.resolve("reports").resolve("bench"));
    }

    /** One benchmark run. */
    private static final class Bench {
        private final BenchOptions options;
        private final long pollMillis;
        private final double timeScale;
        private final SuiteRunner runner;
        private final Path outDir;
        private final List<String> problems = new ArrayList<>();

        Bench(BenchOptions options, Map<String, String> settings, HarnessConfig config, Path root) {
            this.options = options;
            this.pollMillis = config.timeouts().pollInterval().toMillis();
            this.timeScale = config.twin().timeScale();
            this.outDir = root.resolve(options.out()).toAbsolutePath().getParent();
            this.runner = new SuiteRunner(root, outDir.resolve("runs"), RUN_LIMIT, settings);
        }

        int run(String arguments) {
            Instant started = Instant.now();
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            BenchOptions.Size reference = options.reference();
            List<SuiteRunner.Timed> conformance = new ArrayList<>();
            List<SuiteRunner.Timed> full = new ArrayList<>();
            for (int i = 1; options.runsSuites() && i <= options.repetitions(); i++) {
                conformance.add(timed("conformance-" + i, options.conformanceTags(), reference));
                full.add(timed("full-" + i, options.fullTags(), reference));
            }
            Map<BenchOptions.Size, List<SuiteRunner.Timed>> scaled = new LinkedHashMap<>();
            scaled.put(reference, conformance);
            for (BenchOptions.Size size : options.runsSuites() ? options.scales().subList(1, options.scales().size())
                    : List.<BenchOptions.Size>of()) {
                List<SuiteRunner.Timed> runs = new ArrayList<>();
                for (int i = 1; i <= options.scaleRepetitions(); i++) {
                    runs.add(timed("scale-" + size + "-" + i, options.conformanceTags(), size));
                }
                scaled.put(size, runs);
            }
            ProberBench.Result prober = options.runsProber() ? prober() : notMeasured("not run (--only suites)");

            List<SuiteRunResult> lagRuns = new ArrayList<>();
            conformance.forEach(t -> t.result().ifPresent(lagRuns::add));
            full.forEach(t -> t.result().ifPresent(lagRuns::add));
            VerdictLag.Result lag = VerdictLag.of(lagRuns);
            List<BenchFigures.Scale> scale = scale(scaled);

            BenchFigures draft = figures(arguments, started, load, conformance, full, lag, prober, scale, List.of());
            BenchFigures figures = figures(arguments, started, load, conformance, full, lag, prober, scale,
                    BenchTargets.of(draft));
            BenchJson.write(options.out(), figures);
            BenchTable.print(System.out, figures, options.out());
            return problems.isEmpty() ? 0 : 1;
        }

        private SuiteRunner.Timed timed(String label, String tags, BenchOptions.Size size) {
            SuiteRunner.Timed timed = runner.run(label, tags, size.masters(), size.media());
            String verdicts = timed.result().map(r -> r.verdicts().toString()).orElse("no result");
            System.out.printf("bench: %-22s %6.1f s  %s%n", label + " (" + size + ")", timed.wallSeconds(), verdicts);
            timed.failure().ifPresent(why -> problems.add(label + ": " + why));
            timed.result().ifPresent(r -> r.problems().forEach(p -> problems.add(label + ": " + p)));
            return timed;
        }

        /**
         * The prober's measurement, tried twice: on a machine busy with other work, the twin's load balancer
         * (in this JVM, on the same cores) can fall behind an open-loop prober before the fault is injected.
         */
        private ProberBench.Result prober() {
            ProberBench.Result result = null;
            for (int attempt = 1; attempt <= PROBER_ATTEMPTS; attempt++) {
                try {
                    result = ProberBench.run(options.proberRate(), options.proberTimeScale(), outDir.resolve("prober"));
                } catch (RuntimeException | AssertionError e) {
                    result = notMeasured(String.valueOf(e.getMessage()));
                }
                System.out.printf("bench: prober at %s/s (attempt %d): %d requests, %d failed%s%n",
                        BenchTargets.fmt(result.rate()), attempt, result.requests(), result.failures(),
                        result.problem() == null ? "" : "; " + result.problem());
                if (result.problem() == null) {
                    return result;
                }
            }
            problems.add("prober: " + result.problem());
            return result;
        }

        private ProberBench.Result notMeasured(String why) {
            return new ProberBench.Result(options.proberRate(), options.proberTimeScale(), 0, 0, 0, 0, 0, 0, 0, why);
        }

        private List<BenchFigures.Scale> scale(Map<BenchOptions.Size, List<SuiteRunner.Timed>> scaled) {
            List<BenchFigures.Scale> rows = new ArrayList<>();
            if (!options.runsSuites()) {
                return rows;
            }
            BenchOptions.Size reference = options.reference();
            Optional<Double> referenceWall = medianWall(scaled.get(reference));
            Optional<Long> referenceCalls = medianCalls(scaled.get(reference));
            scaled.forEach((size, runs) -> {
                Optional<Double> wall = medianWall(runs);
                Optional<Long> calls = medianCalls(runs);
                rows.add(new BenchFigures.Scale(size.masters(), size.media(), wall.map(Stats::round1).orElse(null),
                        calls.orElse(null),
                        wall.flatMap(w -> referenceWall.map(r -> Stats.round2(w / r))).orElse(null),
                        calls.flatMap(c -> referenceCalls.map(r -> Stats.round2((double) c / r))).orElse(null),
                        Stats.round2((double) size.nodes() / reference.nodes()), runs.size()));
            });
            return rows;
        }

        private BenchFigures figures(String arguments, Instant started, double load, List<SuiteRunner.Timed> conformance,
                                     List<SuiteRunner.Timed> full, VerdictLag.Result lag, ProberBench.Result prober,
                                     List<BenchFigures.Scale> scale, List<BenchFigures.Target> targets) {
            List<Long> lags = lag.lags();
            Map<String, List<Long>> byCondition = new TreeMap<>();
            lag.samples().forEach(s -> byCondition.computeIfAbsent(s.condition(), c -> new ArrayList<>()).add(s.lagMillis()));
            byCondition.values().forEach(list -> list.sort(null));
            BenchFigures.Details details = new BenchFigures.Details(
                    "scripts/bench" + (arguments.isEmpty() ? "" : " " + arguments), started.toString(),
                    Stats.round1(Duration.between(started, Instant.now()).toMillis() / 1000.0),
                    Runtime.getRuntime().availableProcessors(), Stats.round2(load), SuiteRunner.JVM_ARGS,
                    timeScale, options.conformanceTags(), options.fullTags(), walls(conformance), walls(full),
                    lags.size(), (int) lag.samples().stream().filter(VerdictLag.Sample::heldBeforeTheWait).count(),
                    byCondition, lag.unmatched(), prober, targets, List.copyOf(problems));
            return new BenchFigures(medianWall(conformance).map(Stats::round1).orElse(null),
                    medianWall(full).map(Stats::round1).orElse(null), VerdictLag.percentile(lags, 50),
                    VerdictLag.percentile(lags, 95), lags.isEmpty() ? 0 : lags.get(lags.size() - 1), pollMillis,
                    Stats.round1(prober.rps()), prober.problem() == null ? prober.windowErrorMillis() : null, scale, details);
        }

        private static List<Double> walls(List<SuiteRunner.Timed> runs) {
            return runs.stream().map(t -> Stats.round1(t.wallSeconds())).toList();
        }

        private static Optional<Double> medianWall(List<SuiteRunner.Timed> runs) {
            return Stats.median(runs.stream().filter(t -> t.result().isPresent()).map(SuiteRunner.Timed::wallSeconds).toList());
        }

        private static Optional<Long> medianCalls(List<SuiteRunner.Timed> runs) {
            return Stats.median(runs.stream().flatMap(t -> t.result().stream()).map(r -> (double) r.awsCalls()).toList())
                    .map(Math::round);
        }
    }
}
