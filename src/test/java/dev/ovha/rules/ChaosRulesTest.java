package dev.ovha.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.chaos.ChaosBudgets;
import dev.ovha.probe.ErrorWindow;
import dev.ovha.probe.TimelineSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChaosRulesTest {
    private static final ChaosBudgets BUDGETS = new ChaosBudgets(Duration.ofSeconds(6), Duration.ofSeconds(3), 0.7,
            Duration.ofMinutes(1));
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final Map<String, String> OWNERS = Map.of("s1", "i-a", "s2", "i-b", "s3", "i-a", "s4", "i-b");

    @Test
    void theSetCheckTellsLostFromGoneAndRecovered() {
        SessionSetCheck check = SessionSetCheck.of(OWNERS, "i-a", Set.of("s2", "s4"), Set.of("s2", "s4"),
                Set.of("s1", "s3"));
        assertThat(check.lost()).isEmpty();
        assertThat(check.gone()).containsExactlyInAnyOrder("s1", "s3");
        assertThat(check.recovered()).containsExactlyInAnyOrder("s1", "s3");
        assertThat(check.numbers()).isEqualTo("lost 0, unexpected 0, recovered 2 of 2 (the dead master's), survived 2");
        assertThat(ChaosRules.noSessionLost(check, "i-a")).isEmpty();
    }

    @Test
    void sessionsOfSurvivorsThatVanishAreLostAndStrangersUnexpected() {
        SessionSetCheck check = SessionSetCheck.of(OWNERS, "i-a", Set.of("s2"), Set.of("s2", "x9"), Set.of("s1"));
        assertThat(check.lost()).containsExactly("s4");
        assertThat(check.unexpected()).containsExactly("x9");
        assertThat(check.notRecreated()).containsExactly("s3");
        List<String> defects = ChaosRules.noSessionLost(check, "i-a");
        assertThat(defects).hasSize(3);
        assertThat(defects.get(0)).contains("Sessions were lost when master i-a died: 1 session(s)", "lost 1, unexpected 1");
    }

    @Test
    void aDeadMastersSessionStillAnsweredIsReportedNotFailed() {
        SessionSetCheck check = SessionSetCheck.of(OWNERS, "i-a", Set.of("s1", "s2", "s4"), Set.of("s1", "s2", "s4"),
                Set.of("s3"));
        assertThat(check.kept()).containsExactly("s1");
        assertThat(check.numbers()).endsWith("survived 2, kept 1 of the dead master's (documented as destroyed)");
        assertThat(ChaosRules.noSessionLost(check, "i-a")).isEmpty();
    }

    @Test
    void errorWindowsAndSuccessRatioAreHeldToTheBudget() {
        ErrorWindow long4s = new ErrorWindow(T0, T0.plusSeconds(4), 40, 80);
        TimelineSummary bad = new TimelineSummary("u", T0, T0.plusSeconds(10), 200, 120, 0.6, 500, long4s,
                List.of(long4s), Map.of("200", 120, "502", 80), Map.of());
        assertThat(ChaosRules.withinErrorBudget(bad, BUDGETS, "the master's termination"))
                .hasSize(2).first().asString().contains("failed for 4.0 s at a stretch", "error budget of 3 s");
        ErrorWindow short1s = new ErrorWindow(T0, T0.plusSeconds(1), 10, 20);
        TimelineSummary good = new TimelineSummary("u", T0, T0.plusSeconds(10), 200, 190, 0.95, 500, short1s,
                List.of(short1s), Map.of("200", 190, "502", 10), Map.of());
        assertThat(ChaosRules.withinErrorBudget(good, BUDGETS, "x")).isEmpty();
    }

    @Test
    void recoveryIsHeldToItsBudget() {
        assertThat(ChaosRules.recoveredWithin(Duration.ofMillis(6500), Duration.ofSeconds(6), "Recovery"))
                .containsExactly("Recovery took 6.5 s, more than the recovery budget of 6 s (ovha.chaos.recoveryBudget).");
        assertThat(ChaosRules.recoveredWithin(Duration.ofSeconds(2), Duration.ofSeconds(6), "Recovery")).isEmpty();
    }
}
