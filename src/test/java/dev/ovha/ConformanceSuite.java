package dev.ovha;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.JUNIT_PLATFORM_NAMING_STRATEGY_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * The run of {@code ./mvnw verify}: every scenario under {@code features/} that the selection holds (all of
 * them against the twin, {@code @conformance} against aws: {@link DefaultScenarioSelection}; an explicit
 * {@code -Dcucumber.filter.tags=...} replaces that), against the target the configuration names. Scenarios run
 * one after the other; should parallel execution ever be turned on, {@code @mutating} and {@code @disruptive}
 * ones still run alone (an exclusive lock on the whole run). Reports: {@code reports/cucumber.json},
 * {@code reports/cucumber.html}, {@code reports/allure-results/}; surefire writes the JUnit XML.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "dev.ovha.steps")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "dev.ovha.report.ConsoleVerdicts,"
        + " json:reports/cucumber.json, html:reports/cucumber.html,"
        + " io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm,"
        + " dev.ovha.report.AllureRunFiles:reports/allure-results")
@ConfigurationParameter(key = PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, value = "true")
@ConfigurationParameter(key = JUNIT_PLATFORM_NAMING_STRATEGY_PROPERTY_NAME, value = "long")
@ConfigurationParameter(key = "cucumber.execution.exclusive-resources.disruptive.read-write", value = ConformanceSuite.WHOLE_RUN)
@ConfigurationParameter(key = "cucumber.execution.exclusive-resources.mutating.read-write", value = ConformanceSuite.WHOLE_RUN)
public class ConformanceSuite {
    /** JUnit's global lock: a scenario holding it for writing runs with nothing else. */
    static final String WHOLE_RUN = "org.junit.platform.engine.support.hierarchical.ExclusiveResource.GLOBAL_KEY";
}
