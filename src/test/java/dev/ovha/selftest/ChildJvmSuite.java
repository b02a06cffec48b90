package dev.ovha.selftest;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.ovha.ConformanceSuite;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The run of {@code ./mvnw verify} in a child JVM that a test can signal or kill: {@link #start} launches
 * {@link #main}, which runs {@link ConformanceSuite} through the JUnit Platform launcher as surefire does (its
 * plugins, the {@code DefaultScenarioSelection} registered as a service, the configuration from {@code -D}
 * flags and the environment, Cucumber's filters from system properties), and exits 0 when no scenario failed,
 * 1 otherwise. The suite's own shutdown hooks (the kill switch, closing the target) are the real ones.
 */
public final class ChildJvmSuite {
    private ChildJvmSuite() {
    }

    /**
     * Starts the suite in a child JVM working in {@code workDir} (given a copy of {@code features/}, so that its
     * reports and relative paths stay there), with {@code properties} as {@code -D} flags and {@code environment}
     * in place of every inherited {@code OVHA_*} and {@code AWS_*} variable.
     */
    static Process start(Path workDir, Map<String, String> properties, Map<String, String> environment, Path stdout,
                         Path stderr) {
        copyFeatures(workDir.resolve(InProcessSuite.FEATURES));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString());
        // A short run: the JIT's first tier is enough, and the JVM starts and warms up faster with it alone.
        command.add("-XX:TieredStopAtLevel=1");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildJvmSuite.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("OVHA_") || name.startsWith("AWS_"));
        env.putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ConformanceSuite.class)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        System.out.println("suite: " + summary.getTestsSucceededCount() + " passed, " + summary.getTestsFailedCount()
                + " failed, " + summary.getTestsAbortedCount() + " skipped");
        System.exit(summary.getTotalFailureCount() == 0 ? 0 : 1);
    }

    private static void copyFeatures(Path target) {
        Path source = Path.of(InProcessSuite.FEATURES);
        try (Stream<Path> files = Files.list(source)) {
            Files.createDirectories(target);
            for (Path file : files.filter(f -> f.toString().endsWith(".feature")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
