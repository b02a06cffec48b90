package dev.ovha.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.target.TargetEnvironment;
import dev.ovha.target.TwinAsLiveStack;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edges of a run: a preflight refusal stops it before any scenario; a selection of no scenario is
 * an error, not a green run; a single-master stack skips the zone check with its reason.
 */
class RunBoundariesTest {
    @TempDir
    Path workDir;

    @Test
    void aRefusedPreflightStopsTheRunBeforeAnyScenario() {
        TwinAsLiveStack.useTwinCredentials();
        try (Twin twin = Twin.start(TwinOptions.defaults())) {
            Map<String, String> settings = new HashMap<>(TwinAsLiveStack.settings(twin, workDir));
            settings.put("ovha.openvidu.secret", "not-the-secret");
            try (TargetEnvironment env = TargetEnvironment.open(TwinAsLiveStack.config(settings, workDir))) {
                InProcessSuite.Run run = InProcessSuite.run(env, Optional.empty());
                assertThat(run.scenarios().values()).noneMatch(o -> o.verdict().equals("passed") || o.verdict().equals("failed"));
                assertThat(run.runFailure()).hasValueSatisfying(e -> assertThat(messages(e))
                        .contains("refuses the configured secret (401)"));
            }
        } finally {
            TwinAsLiveStack.forgetTwinCredentials();
        }
    }

    @Test
    void selectingNoScenarioIsAnError() {
        try (FaultedTwin twin = FaultedTwin.start(Set.of(), Map.of(), Optional.empty())) {
            InProcessSuite.Run run = InProcessSuite.run(twin.env(), Optional.of("No scenario has this name"));
            assertThat(run.scenarios()).isEmpty();
            assertThat(run.runFailure()).hasValueSatisfying(e -> assertThat(messages(e))
                    .contains("no scenario was selected"));
        }
    }

    @Test
    void withASingleMasterTheZoneCheckIsSkippedAndItsIdMustBeStable() {
        try (FaultedTwin twin = FaultedTwin.start(Set.of(), Map.of("ovha.twin.masters", "1"), Optional.empty())) {
            InProcessSuite.Run run = InProcessSuite.run(twin.env(), Optional.empty(), Optional.of("@conformance"),
                    InProcessSuite.ScenarioWatch.NONE);
            assertThat(run.runFailure()).isEmpty();
            ScenarioOutcome zones = run.scenarios().get("The masters stand in at least two availability zones");
            assertThat(zones.verdict()).isEqualTo("skipped");
            assertThat(zones.message()).contains("runs 1 master; spreading over zones needs at least two");
            assertThat(run.scenarios().values()).filteredOn(o -> o != zones)
                    .allSatisfy(o -> assertThat(o.verdict()).as(o.toString()).isEqualTo("passed"));
        }
    }

    @Test
    void withMastersSsmCannotReachTheLogCheckIsSkippedWithTheQueuesCloudWatchCounts() {
        String scenario = "A schedule notification reaches some master within two schedule periods";
        try (FaultedTwin twin = FaultedTwin.start(Set.of(dev.ovha.twin.sim.Fault.MASTERS_NOT_SSM_MANAGED), Map.of(),
                Optional.empty())) {
            ScenarioOutcome outcome = InProcessSuite.run(twin.env(), Optional.of(scenario)).scenarios().get(scenario);
            assertThat(outcome.verdict()).as(outcome.toString()).isEqualTo("skipped");
            assertThat(outcome.message()).contains("skipped: the masters are not managed by SSM (their role lacks"
                    + " AmazonSSMManagedInstanceCore)", "CloudWatch shows for ovha-twin-SQS.fifo: 3 minutes from", "sent,");
        }
    }

    /** A failure's message with its suppressed and causing failures' (Cucumber may wrap the hook's). */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable s : failure.getSuppressed()) {
            all.append(" | ").append(messages(s));
        }
        if (failure.getCause() != null && failure.getCause() != failure) {
            all.append(" | ").append(messages(failure.getCause()));
        }
        return all.toString();
    }
}
