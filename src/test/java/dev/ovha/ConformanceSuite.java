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
 * The conformance run of {@code ./mvnw verify}: every scenario under {@code features/} that the tag
 * expression selects ({@code @conformance} unless {@code -Dcucumber.filter.tags=...} says otherwise; the
 * POM passes it in), against the target the configuration names. Reports: {@code reports/cucumber.json},
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
public class ConformanceSuite {
}
