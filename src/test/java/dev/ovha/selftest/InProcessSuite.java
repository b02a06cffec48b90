package dev.ovha.selftest;

import static io.cucumber.junit.platform.engine.Constants.FILTER_NAME_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.ovha.target.TargetEnvironment;
import dev.ovha.target.Targets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The features run in this JVM through the Cucumber JUnit Platform engine, exactly as {@code ./mvnw verify}
 * runs them against the twin (every scenario: conformance, mutating, disruptive) but without report plugins,
 * against an environment bound to the calling thread. Several can run at once on different threads, each
 * against its own twin.
 */
final class InProcessSuite {
    static final String FEATURES = "features";

    /** What one run produced: each scenario's outcome, and a run-level failure (the preflight's) if any. */
    record Run(Map<String, ScenarioOutcome> scenarios, Optional<Throwable> runFailure) {
    }

    private InProcessSuite() {
    }

    /** Told as each scenario starts and after it has finished (its rollbacks included), on the running thread. */
    interface ScenarioWatch {
        ScenarioWatch NONE = new ScenarioWatch() {
        };

        default void started(String scenario) {
        }

        default void finished(String scenario) {
        }
    }

    /** Runs the selected scenarios ({@code scenarioName} empty: all of them) against {@code env}. */
    static Run run(TargetEnvironment env, Optional<String> scenarioName) {
        return run(env, scenarioName, Optional.empty(), ScenarioWatch.NONE);
    }

    /**
     * Runs the scenarios with that name (empty: all) that the tag expression selects (empty: all) against
     * {@code env}, telling {@code watch} about each.
     */
    static Run run(TargetEnvironment env, Optional<String> scenarioName, Optional<String> tags, ScenarioWatch watch) {
        LauncherDiscoveryRequestBuilder request = request();
        scenarioName.ifPresent(name -> request.configurationParameter(FILTER_NAME_PROPERTY_NAME,
                "^" + Pattern.quote(name) + "$"));
        tags.ifPresent(expression -> request.configurationParameter(FILTER_TAGS_PROPERTY_NAME, expression));
        Map<String, ScenarioOutcome> outcomes = new LinkedHashMap<>();
        List<Throwable> runFailures = new ArrayList<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.isTest()) {
                    watch.started(id.getDisplayName());
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    watch.finished(id.getDisplayName());
                    synchronized (outcomes) {
                        outcomes.put(id.getDisplayName(), ScenarioOutcome.of(id.getDisplayName(), result));
                    }
                } else if (id.getParentId().isEmpty() && result.getThrowable().isPresent()) {
                    runFailures.add(result.getThrowable().get());
                }
            }
        };
        Targets.using(env, () -> {
            launcher().execute(request.build(), listener);
            return null;
        });
        return new Run(outcomes, runFailures.stream().findFirst());
    }

    /** The names of every scenario under {@code features/}. */
    static List<String> scenarioNames() {
        return catalogue().stream().map(ScenarioSource::name).toList();
    }

    /** The names of the scenarios carrying any of these tags (without {@code @}; empty: every scenario). */
    static List<String> scenarioNamesTagged(Set<String> tags) {
        return catalogue().stream().filter(s -> tags.isEmpty() || s.tags().stream().anyMatch(t -> tags.contains(t.substring(1))))
                .map(ScenarioSource::name).toList();
    }

    /** Every scenario under {@code features/}, with its feature file, line and tags, as Cucumber found them. */
    static List<ScenarioSource> catalogue() {
        TestPlan plan = launcher().discover(request().build());
        List<ScenarioSource> scenarios = new ArrayList<>();
        plan.getRoots().forEach(root -> collect(plan, root, scenarios));
        return scenarios;
    }

    private static void collect(TestPlan plan, TestIdentifier id, List<ScenarioSource> scenarios) {
        if (id.isTest()) {
            scenarios.add(ScenarioSource.of(id));
        }
        plan.getChildren(id).forEach(child -> collect(plan, child, scenarios));
    }

    private static LauncherDiscoveryRequestBuilder request() {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(FEATURES))
                .filters(EngineFilter.includeEngines("cucumber"))
                .configurationParameter(GLUE_PROPERTY_NAME, "dev.ovha.steps")
                .configurationParameter(PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, "true");
    }

    private static org.junit.platform.launcher.Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
    }
}
