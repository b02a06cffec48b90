package dev.ovha.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ovha.twin.sim.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * How often a scenario falsely fails on a healthy twin: runs it {@code ovha.trials.runs} times (default 10), each on a
 * fresh healthy twin, {@code ovha.trials.parallel} twins at a time (default 3, as {@link FaultPairingTest} runs them),
 * and prints every verdict and the count of false failures. A reproduction tool for checks whose verdict depends on the
 * machine's load, not part of the selftest run: its name does not end in Test, so only
 * {@code -Dtest=HealthyTrials -Dovha.trials.scenario='Launch and terminate events reach every master'} runs it.
 * Load the machine meanwhile to see what CI's two busy cores do to the scenario.
 */
class HealthyTrials {

    @Test
    void aHealthyTwinPassesEveryTrial() throws Exception {
        String scenario = System.getProperty("ovha.trials.scenario", "");
        assumeTrue(!scenario.isBlank(), "name a scenario with -Dovha.trials.scenario=...");
        int runs = Integer.parseInt(System.getProperty("ovha.trials.runs", "10"));
        int parallel = Integer.parseInt(System.getProperty("ovha.trials.parallel", "3"));
        // With a fault named, the trials count the runs that do not fail (a check that misses the defect).
        Set<Fault> faults = java.util.Arrays.stream(System.getProperty("ovha.trials.fault", "").split(","))
                .filter(f -> !f.isBlank()).map(f -> Fault.byId(f.strip()).orElseThrow()).collect(Collectors.toSet());
        String expected = faults.isEmpty() ? "passed" : "failed";
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<ScenarioOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            outcomes.add(pool.submit(() -> {
                try (FaultedTwin healthy = FaultedTwin.start(faults, Map.of(), Optional.empty())) {
                    InProcessSuite.Run run = InProcessSuite.run(healthy.env(), Optional.of(scenario));
                    return run.scenarios().getOrDefault(scenario, new ScenarioOutcome(scenario, "broken",
                            run.runFailure().map(e -> "the run stopped: " + e).orElse("the scenario did not run")));
                }
            }));
        }
        List<ScenarioOutcome> falseFailures = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ScenarioOutcome outcome = outcomes.get(i).get();
            System.out.println("trial " + (i + 1) + ": " + outcome);
            if (!outcome.verdict().equals(expected)) {
                falseFailures.add(outcome);
            }
        }
        pool.shutdown();
        System.out.println("TRIALS '" + scenario + "': " + runs + " runs, " + parallel + " at a time, "
                + falseFailures.size() + " not " + expected + (faults.isEmpty() ? " on a healthy twin" : " under " + faults));
        assertThat(falseFailures).as("verdicts other than " + expected).isEmpty();
    }
}
