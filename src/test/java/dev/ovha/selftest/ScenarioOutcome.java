package dev.ovha.selftest;

import org.junit.platform.engine.TestExecutionResult;

/**
 * How one scenario ended in an in-process Cucumber run, in the harness's three verdicts (plus passed).
 *
 * @param scenario the scenario's name
 * @param verdict  passed, failed, broken or skipped
 * @param message  the error's message, empty when it passed
 */
record ScenarioOutcome(String scenario, String verdict, String message) {

    static ScenarioOutcome of(String scenario, TestExecutionResult result) {
        Throwable error = result.getThrowable().orElse(null);
        String message = error == null ? "" : String.valueOf(error.getMessage());
        return switch (result.getStatus()) {
            case SUCCESSFUL -> new ScenarioOutcome(scenario, "passed", message);
            case ABORTED -> new ScenarioOutcome(scenario, "skipped", message);
            case FAILED -> new ScenarioOutcome(scenario, error instanceof AssertionError ? "failed" : "broken",
                    error instanceof AssertionError ? message : error + (error.getCause() == null ? "" : " caused by " + error.getCause()));
        };
    }

    @Override
    public String toString() {
        return verdict + ": " + scenario + (message.isEmpty() ? "" : " — " + message);
    }
}
