package dev.ovha.chaos;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A fault as it was injected: how, on what, when, and whether it was made at all (a dry run plans and
 * records, and touches nothing).
 *
 * @param fault      what was done, e.g. "terminate one master"
 * @param method     how: "FIS experiment … (aws:ec2:terminate-instances, COUNT(1))", or "EC2 TerminateInstances
 *                   directly (no FIS role configured)"
 * @param targets    the instances or subnets it acted on (or would have, in a dry run)
 * @param at         when the fault was started
 * @param made       false in a dry run
 * @param experiment the FIS experiment, when FIS made it
 */
public record Injection(String fault, String method, List<String> targets, Instant at, boolean made,
                        Optional<ExperimentRun> experiment) {
    public Injection {
        targets = List.copyOf(targets);
    }

    /** One line for the report. */
    public String describe() {
        return (made ? "" : "DRY RUN, nothing touched: ") + fault + " on " + targets + " at " + at + " via " + method;
    }
}
