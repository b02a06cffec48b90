package dev.ovha.twin.state;

/**
 * The outcome of one load-balancer health check against one target, with the reason code and
 * description ELBv2 reports for it.
 */
public record ProbeResult(Outcome outcome, String reason, String description) {

    public enum Outcome { PASS, FAIL, INVALID_STATE }

    public static ProbeResult pass() {
        return new ProbeResult(Outcome.PASS, null, null);
    }

    public static ProbeResult timeout() {
        return new ProbeResult(Outcome.FAIL, "Target.Timeout", "Request timed out");
    }

    public static ProbeResult codeMismatch(int status) {
        return new ProbeResult(Outcome.FAIL, "Target.ResponseCodeMismatch",
                "Health checks failed with these codes: [" + status + "]");
    }

    public static ProbeResult connectionRefused() {
        return new ProbeResult(Outcome.FAIL, "Target.FailedHealthChecks", "Health checks failed");
    }

    public static ProbeResult invalidState(String instanceState) {
        return new ProbeResult(Outcome.INVALID_STATE, "Target.InvalidState", "Target is in the " + instanceState + " state");
    }
}
