package dev.ovha.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.target.TargetEnvironment;
import dev.ovha.target.TwinAsLiveStack;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.sim.Fault;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live code path end to end: the suite pointed at a twin as if it were a live stack
 * ({@code ovha.target=aws}, {@code ovha.aws.endpoint}, {@code ovha.openvidu.url}, {@code ovha.tls.ca},
 * credentials from the default chain) reaches the same verdicts as against the embedded twin.
 */
class LiveTargetTest {
    @TempDir
    Path workDir;

    @BeforeAll
    static void credentials() {
        TwinAsLiveStack.useTwinCredentials();
    }

    @AfterAll
    static void forget() {
        TwinAsLiveStack.forgetTwinCredentials();
    }

    private InProcessSuite.Run runAsLive(Set<Fault> topology, Set<Fault> behaviour, Optional<String> scenario) {
        return runAsLive(topology, behaviour, scenario, Optional.empty(), Map.of());
    }

    private InProcessSuite.Run runAsLive(Set<Fault> topology, Set<Fault> behaviour, Optional<String> scenario,
                                         Optional<String> tags, Map<String, String> extra) {
        try (Twin twin = Twin.start(TwinOptions.defaults().withFaults(topology))) {
            behaviour.forEach(twin::inject);
            Map<String, String> settings = new HashMap<>(TwinAsLiveStack.settings(twin, workDir));
            settings.putAll(extra);
            try (TargetEnvironment env = TargetEnvironment.open(TwinAsLiveStack.config(settings, workDir))) {
                return InProcessSuite.run(env, scenario, tags, InProcessSuite.ScenarioWatch.NONE);
            }
        }
    }

    /** The pair's scenario, run as live on a twin with the pair's faults, fails with the pair's message. */
    private void failsAsLiveAsAgainstTheEmbeddedTwin(FaultPairingTest.Pair pair) {
        Set<Fault> topology = pair.faults().stream().filter(f -> f.kind() == Fault.Kind.TOPOLOGY)
                .collect(java.util.stream.Collectors.toSet());
        Set<Fault> behaviour = pair.faults().stream().filter(f -> f.kind() == Fault.Kind.BEHAVIOUR)
                .collect(java.util.stream.Collectors.toSet());
        ScenarioOutcome outcome = runAsLive(topology, behaviour, Optional.of(pair.scenario()))
                .scenarios().get(pair.scenario());
        assertThat(outcome).as(pair.toString()).isNotNull();
        assertThat(outcome.verdict()).as(outcome.toString()).isEqualTo("failed");
        assertThat(outcome.message()).contains(pair.fragment());
    }

    /** Read-only scenarios pass; those that change the stack are refused without their opt-in, naming it. */
    @Test
    void everyScenarioPassesOnAHealthyStackReachedAsALiveOneOrIsRefusedWithoutItsOptIn() {
        InProcessSuite.Run run = runAsLive(Set.of(), Set.of(), Optional.empty());
        assertThat(run.runFailure()).isEmpty();
        assertThat(run.scenarios().keySet()).containsExactlyInAnyOrderElementsOf(InProcessSuite.scenarioNames());
        List<String> changing = InProcessSuite.scenarioNamesTagged(Set.of("mutating", "disruptive"));
        assertThat(changing).isNotEmpty();
        assertThat(run.scenarios().values()).filteredOn(o -> !changing.contains(o.scenario()))
                .allSatisfy(o -> assertThat(o.verdict()).as(o.toString()).isEqualTo("passed"));
        assertThat(run.scenarios().values()).filteredOn(o -> InProcessSuite.scenarioNamesTagged(Set.of("mutating")).contains(o.scenario()))
                .isNotEmpty()
                .allSatisfy(o -> {
                    assertThat(o.verdict()).as(o.toString()).isEqualTo("skipped");
                    assertThat(o.message()).as(o.toString()).isEqualTo("refused: @mutating scenarios (reversible"
                            + " changes) change stack 'ovha-twin' on AWS only when allowed by name; set"
                            + " -Dovha.allow=ovha-twin (or OVHA_ALLOW)");
                });
        assertThat(run.scenarios().values()).filteredOn(o -> InProcessSuite.scenarioNamesTagged(Set.of("disruptive")).contains(o.scenario()))
                .allSatisfy(o -> {
                    assertThat(o.verdict()).as(o.toString()).isEqualTo("skipped");
                    assertThat(o.message()).as(o.toString()).contains("set -Dovha.chaos.allow=ovha-twin");
                });
    }

    @Test
    void anOptInNamingAnotherStackIsRefusedAndTheRightOneLetsTheChangeRun() {
        String scenario = "A property changed through the API restarts every master and is persisted";
        // A typo is bad input: the whole run is refused before any scenario, not skipped scenario by scenario.
        InProcessSuite.Run typo = runAsLive(Set.of(), Set.of(), Optional.of(scenario), Optional.empty(),
                Map.of("ovha.allow", "ovha-twn"));
        assertThat(typo.scenarios().values()).noneMatch(o -> o.verdict().equals("passed") || o.verdict().equals("failed"));
        assertThat(typo.runFailure()).hasValueSatisfying(e -> assertThat(e).hasMessage("refused: ovha.allow = 'ovha-twn'"
                + " (from -Dovha.allow) does not name the stack under test 'ovha-twin'; set -Dovha.allow=ovha-twin,"
                + " or leave it unset for a run that changes nothing"));

        ScenarioOutcome allowed = runAsLive(Set.of(), Set.of(), Optional.of(scenario), Optional.empty(),
                Map.of("ovha.allow", "ovha-twin")).scenarios().get(scenario);
        assertThat(allowed.verdict()).as(allowed.toString()).isEqualTo("passed");
    }

    @Test
    void faultsGiveTheSameVerdictsAsAgainstTheEmbeddedTwin() {
        List<FaultPairingTest.Pair> sample = FaultPairingTest.PAIRS.stream()
                .filter(p -> p.settings().isEmpty() && p.symptom().isEmpty())
                .filter(p -> Set.of(Fault.LB_STICKY, Fault.MASTERS_ONE_AZ, Fault.CERT_EXPIRING, Fault.CONFIG_DRIFT)
                        .containsAll(p.faults()))
                .toList();
        assertThat(sample).hasSize(5);
        sample.forEach(this::failsAsLiveAsAgainstTheEmbeddedTwin);
    }

    /**
     * The scenarios that read S3, SQS, EventBridge, CloudWatch and the masters' logs through SSM, under their
     * faults: on the live path they wait with the aws timeouts and poll interval (5 s), and still fail as
     * against the embedded twin.
     */
    @Test
    void theEventConfigAndAlarmScenariosFailUnderTheirFaultsAsAgainstTheEmbeddedTwin() {
        Set<Fault> faults = Set.of(Fault.EVENTS_NOT_DELIVERED, Fault.QUEUE_ATTRIBUTES_DRIFT, Fault.EVENTS_NOT_CONSUMED,
                Fault.ENV_OUT_OF_SYNC, Fault.ALARM_THRESHOLD_DRIFT, Fault.MEDIA_VIEW_DIFFERS);
        List<FaultPairingTest.Pair> sample = FaultPairingTest.PAIRS.stream()
                .filter(p -> p.settings().isEmpty() && p.symptom().isEmpty() && faults.containsAll(p.faults()))
                .filter(p -> !p.scenario().startsWith("Media nodes cannot"))
                // Scenarios that change the stack are refused on the live path without their opt-in.
                .filter(p -> !InProcessSuite.scenarioNamesTagged(Set.of("mutating", "disruptive")).contains(p.scenario()))
                .toList();
        assertThat(sample).hasSize(7);
        sample.forEach(this::failsAsLiveAsAgainstTheEmbeddedTwin);
    }
}
