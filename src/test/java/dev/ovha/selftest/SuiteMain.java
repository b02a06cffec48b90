package dev.ovha.selftest;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.ovha.ConformanceSuite;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * {@code ./mvnw verify} without Maven, for the self-tests' child JVMs: the JUnit Platform launcher runs
 * {@link ConformanceSuite} with the configuration of this JVM (environment, {@code -D} flags, the working
 * directory's {@code ovha.properties}, {@code -Dcucumber.filter.tags}) and exits as surefire fails the build:
 * 1 when a scenario failed or broke or the run was refused, 0 otherwise. It prints nothing of its own, so
 * what the child prints is exactly what the harness prints.
 */
public final class SuiteMain {
    private SuiteMain() {
    }

    public static void main(String[] args) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ConformanceSuite.class)).build(), summary);
        TestExecutionSummary result = summary.getSummary();
        System.out.flush();
        System.err.flush();
        System.exit(result.getTotalFailureCount() > 0 ? 1 : 0);
    }
}
