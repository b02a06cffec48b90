package dev.ovha.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts {@link SuiteRunMain} in a child JVM, times it from just before the process starts to its exit
 * (JVM start included), and reads what it wrote.
 *
 * <p>The child sees only the benchmark's settings: no {@code OVHA_*} environment variable, an empty
 * properties file, the twin as target, and the {@code ovha.*} system properties the benchmark itself was
 * given. Before each run the previous run's Cucumber and Allure reports are removed, as Maven does before
 * {@code ./mvnw verify}, so that {@code reports/} describes the last run only.
 */
final class SuiteRunner {
    /**
     * JVM options of the suite's JVM: the same as the POM's {@code ovha.suite.jvmArgs}, which
     * {@code ./mvnw verify} gives the surefire fork (a test keeps the two equal). A suite run is short and
     * spends its CPU loading classes: the C1 compiler alone and the serial collector halve its CPU time.
     */
    static final List<String> JVM_ARGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** One timed run: its label, stack, wall time, and the child's result (empty when it wrote none). */
    record Timed(String label, String tags, int masters, int media, double wallSeconds, Optional<SuiteRunResult> result,
                 Optional<String> failure) {
        boolean clean() {
            return failure.isEmpty() && result.map(SuiteRunResult::clean).orElse(false);
        }
    }

    private final Path root;
    private final Path runs;
    private final Duration limit;
    private final Map<String, String> settings;

    /**
     * @param root     the project directory (features/ and reports/ are relative to it)
     * @param runs     where each run's result and console go
     * @param limit    how long one run may take before it is stopped
     * @param settings {@code ovha.*} settings every run gets
     */
    SuiteRunner(Path root, Path runs, Duration limit, Map<String, String> settings) {
        this.root = root;
        this.runs = runs;
        this.limit = limit;
        this.settings = Map.copyOf(settings);
    }

    Timed run(String label, String tags, int masters, int media) {
        Path dir = runs.resolve(label);
        Path resultFile = dir.resolve("result.json");
        Path console = dir.resolve("console.log");
        try {
            deleteTree(dir);
            Files.createDirectories(dir);
            Path noProperties = Files.writeString(dir.resolve("ovha.properties"), "# the benchmark's runs read no local settings\n");
            cleanReports();
            ProcessBuilder builder = new ProcessBuilder(command(tags, masters, media, noProperties, resultFile))
                    .directory(root.toFile()).redirectErrorStream(true).redirectOutput(console.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("OVHA_"));
            long started = System.nanoTime();
            Process process = builder.start();
            boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            double wall = (System.nanoTime() - started) / 1e9;
            if (!ended) {
                process.destroyForcibly().waitFor();
                return failed(label, tags, masters, media, wall, "stopped after " + limit.toSeconds() + " s; see " + console);
            }
            if (process.exitValue() != 0 || !Files.exists(resultFile)) {
                return failed(label, tags, masters, media, wall, "the suite's JVM exited with " + process.exitValue()
                        + " and no result; see " + console);
            }
            return new Timed(label, tags, masters, media, wall, Optional.of(BenchJson.read(resultFile, SuiteRunResult.class)),
                    Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the suite for " + label + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the suite ran for " + label, e);
        }
    }

    private List<String> command(String tags, int masters, int media, Path noProperties, Path resultFile) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JVM_ARGS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dovha.config.file=" + noProperties.toAbsolutePath());
        command.add("-Dovha.target=twin");
        command.add("-Dovha.twin.masters=" + masters);
        command.add("-Dovha.twin.media=" + media);
        if (!tags.isBlank()) {
            command.add("-Dcucumber.filter.tags=" + tags);
        }
        command.add(SuiteRunMain.class.getName());
        command.add(resultFile.toAbsolutePath().toString());
        return command;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static Timed failed(String label, String tags, int masters, int media, double wall, String why) {
        return new Timed(label, tags, masters, media, wall, Optional.empty(), Optional.of(why));
    }

    /** What Maven's clean-reports execution removes before a suite run. */
    private void cleanReports() throws IOException {
        Path reports = root.resolve("reports");
        deleteTree(reports.resolve("allure-results"));
        Files.deleteIfExists(reports.resolve("cucumber.json"));
        Files.deleteIfExists(reports.resolve("cucumber.html"));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
