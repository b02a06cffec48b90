package dev.ovha.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.ovha.ConformanceSuite;
import dev.ovha.eventually.Eventually;
import dev.ovha.eventually.WaitListener;
import dev.ovha.target.TargetEnvironment;
import dev.ovha.target.Targets;
import dev.ovha.twin.Twin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One suite run in its own JVM, as {@code ./mvnw verify} runs it but without Maven: {@link ConformanceSuite}
 * through the JUnit Platform, the scenarios {@code -Dcucumber.filter.tags} selects (every scenario when it is
 * not set), against the twin the configuration describes, started in this JVM by the glue as usual. Writes
 * a {@link SuiteRunResult} to the file named by the only argument.
 *
 * <p>Exit status: 0 when the result was written (whatever the verdicts), 2 on bad arguments, 3 when the
 * run had no twin of its own to read the ground truth from.
 */
public final class SuiteRunMain {
    private SuiteRunMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SuiteRunMain RESULT_FILE");
            System.exit(2);
        }
        Path resultFile = Path.of(args[0]);
        List<SuiteRunResult.Wait> waits = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> verdicts = new TreeMap<>();
        Map<String, Long> scenarioMillis = Collections.synchronizedMap(new LinkedHashMap<>());
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        try (WaitListener.Registration ignored = Eventually.addListener(outcome -> waits.add(SuiteRunResult.Wait.of(outcome)))) {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(ConformanceSuite.class)).build(), new Verdicts(verdicts, problems, scenarioMillis, new ConcurrentHashMap<>()));
        }
        Optional<Twin> twin = Targets.resolved().flatMap(TargetEnvironment::ownedTwin);
        if (twin.isEmpty()) {
            System.err.println("SuiteRunMain: the run started no twin of its own (ovha.target must be twin)");
            System.exit(3);
        }
        SuiteRunResult result = new SuiteRunResult(System.getProperty("cucumber.filter.tags", ""),
                twin.get().options().masters(), twin.get().options().media(), verdicts, List.copyOf(problems),
                new LinkedHashMap<>(scenarioMillis), twin.get().awsRequestCount(), List.copyOf(waits),
                twin.get().events().all().stream().map(SuiteRunResult.Event::of).toList());
        BenchJson.write(resultFile, result);
        System.exit(0);
    }

    /** Counts each scenario's verdict the way the console and the JUnit XML tell them apart. */
    private record Verdicts(Map<String, Integer> counts, List<String> problems, Map<String, Long> millis,
                            Map<String, Long> startedNanos) implements TestExecutionListener {
        @Override
        public void executionStarted(TestIdentifier id) {
            startedNanos.put(id.getUniqueId(), System.nanoTime());
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            Optional<Throwable> error = result.getThrowable();
            if (id.isTest()) {
                Long started = startedNanos.get(id.getUniqueId());
                if (started != null) {
                    millis.put(id.getDisplayName(), (System.nanoTime() - started) / 1_000_000);
                }
                String verdict = switch (result.getStatus()) {
                    case SUCCESSFUL -> "passed";
                    case ABORTED -> "skipped";
                    case FAILED -> error.filter(AssertionError.class::isInstance).isPresent() ? "failed" : "broken";
                };
                synchronized (counts) {
                    counts.merge(verdict, 1, Integer::sum);
                }
                if (verdict.equals("failed") || verdict.equals("broken")) {
                    problems.add(verdict + ": " + id.getDisplayName() + " — " + firstLine(error));
                }
            } else if (error.isPresent()) {
                problems.add("run: " + id.getDisplayName() + " — " + firstLine(error));
            }
        }

        private static String firstLine(Optional<Throwable> error) {
            return error.map(e -> String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString())).orElse("");
        }
    }
}
