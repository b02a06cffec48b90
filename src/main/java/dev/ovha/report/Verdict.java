package dev.ovha.report;

import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;

/**
 * The three verdicts of a scenario, and how Cucumber's results map to them: a failed assertion means the
 * stack broke a promise; any other error means the harness or AWS failed; a skip means a precondition or
 * a safety rule said no. Allure draws the same line (failed, broken, skipped), see {@link AllureRunFiles}.
 */
public enum Verdict {
    PASSED("passed"),
    FAILED("the stack broke a promise"),
    BROKEN("harness or AWS error"),
    SKIPPED("precondition or safety refusal");

    private final String meaning;

    Verdict(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    public static Verdict of(Result result) {
        Status status = result.getStatus();
        if (status == Status.PASSED) {
            return PASSED;
        }
        if (status == Status.SKIPPED) {
            return SKIPPED;
        }
        if (status == Status.FAILED && result.getError() instanceof AssertionError) {
            return FAILED;
        }
        return BROKEN;
    }
}
