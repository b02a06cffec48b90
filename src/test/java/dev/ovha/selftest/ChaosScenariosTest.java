package dev.ovha.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The master-termination scenario's other paths: without an FIS role (EC2 TerminateInstances directly, no
 * FIS object created), as a dry run (FIS skip-all: the victim is named, nothing is touched, the scenario is
 * skipped with the plan), and on a single master (the blast radius refuses: skipped, nothing touched).
 */
class ChaosScenariosTest {
    private static final String MASTER_DIES =
            "A master dies, the stack replaces it, and no session of a surviving master is lost";

    @Test
    void withoutAnFisRoleTheMasterIsTerminatedDirectlyAndTheScenarioPasses() {
        try (FaultedTwin twin = FaultedTwin.start(Set.of(), Map.of("ovha.fis.roleArn", "none"), Optional.empty())) {
            List<String> before = masters(twin);
            ScenarioOutcome outcome = InProcessSuite.run(twin.env(), Optional.of(MASTER_DIES)).scenarios().get(MASTER_DIES);

            assertThat(outcome.verdict()).as(outcome.toString()).isEqualTo("passed");
            assertThat(twin.twin().<List<?>>inWorld(w -> w.fis().experiments(Optional.empty()))).as("FIS experiments").isEmpty();
            assertThat(masters(twin)).as("one master replaced").hasSize(2).doesNotContainAnyElementsOf(before.subList(0, 1));
        }
    }

    @Test
    void aDryRunNamesTheVictimFisResolvedAndTouchesNothing() {
        try (FaultedTwin twin = FaultedTwin.start(Set.of(), Map.of("ovha.chaos.dryRun", "true"), Optional.empty())) {
            List<String> before = masters(twin);
            ScenarioOutcome outcome = InProcessSuite.run(twin.env(), Optional.of(MASTER_DIES)).scenarios().get(MASTER_DIES);

            assertThat(outcome.verdict()).as(outcome.toString()).isEqualTo("skipped");
            assertThat(outcome.message()).contains("dry run (ovha.chaos.dryRun=true)", "actionsMode skip-all", "nothing was touched")
                    .containsAnyOf(before.toArray(String[]::new));
            assertThat(masters(twin)).isEqualTo(before);
            assertThat(twin.twin().<List<?>>inWorld(w -> w.fis().templates())).as("templates left").isEmpty();
        }
    }

    @Test
    void withASingleMasterTheBlastRadiusRefusesTheFaultAndNothingIsTouched() {
        try (FaultedTwin twin = FaultedTwin.start(Set.of(), Map.of("ovha.twin.masters", "1"), Optional.empty())) {
            List<String> before = masters(twin);
            ScenarioOutcome outcome = InProcessSuite.run(twin.env(), Optional.of(MASTER_DIES)).scenarios().get(MASTER_DIES);

            assertThat(outcome.verdict()).as(outcome.toString()).isEqualTo("skipped");
            assertThat(outcome.message()).contains("only 1 healthy master(s), and a master fault needs at least 2");
            assertThat(masters(twin)).isEqualTo(before);
        }
    }

    private static List<String> masters(FaultedTwin twin) {
        return twin.twin().inWorld(w -> w.masterGroup().instances().stream()
                .filter(i -> !i.lifecycleState().name().startsWith("TERMINAT")).map(i -> i.instanceId()).sorted().toList());
    }
}
