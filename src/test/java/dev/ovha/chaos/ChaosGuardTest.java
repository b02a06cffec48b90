package dev.ovha.chaos;

import static dev.ovha.chaos.ChaosSettingsFixtures.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ovha.config.Target;
import dev.ovha.report.Verdict;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.fis.model.ActionsMode;

/** Every refusal is one line naming what to do, and nothing else lets a change through. */
class ChaosGuardTest {
    private static final String GAME_DAY_ID =
            "arn:aws:cloudformation:eu-west-1:123456789012:stack/game-day-ov/2f1c5a40-8b9e-11ef-9c2a-0a1b2c3d4e5f";
    private static final StackFacts STACK = new StackFacts("game-day-ov", GAME_DAY_ID, Map.of("team", "media"));
    private static final StackFacts PRODUCTION = new StackFacts("game-day-ov", GAME_DAY_ID, Map.of("Environment", " Prod "));

    private static ChaosGuard aws(Properties properties) {
        return new ChaosGuard(ChaosSettingsFixtures.resolve(
                Map.of("OVHA_TARGET", "aws", "OVHA_STACK", "game-day-ov"), properties), Target.AWS);
    }

    private static ChaosRefused refusal(Runnable check) {
        ChaosRefused refused = catchThrowableOfType(ChaosRefused.class, check::run);
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.getMessage()).doesNotContain("\n", "\r");
        assertThat(refused.verdict().kind()).isEqualTo(Verdict.SKIPPED);
        assertThat(refused.verdict().reason()).isEqualTo(refused.getMessage());
        return refused;
    }

    @Test
    void onAwsWithoutOptInEachKindOfChangeNamesItsOwnFlag() {
        ChaosGuard guard = aws(new Properties());

        assertThat(refusal(() -> guard.requireMutating(STACK))).hasMessage("refused: @mutating scenarios"
                + " (reversible changes) change stack 'game-day-ov' on AWS only when allowed by name;"
                + " set -Dovha.allow=game-day-ov (or OVHA_ALLOW)");
        assertThat(refusal(() -> guard.requireDisruptive(STACK))).hasMessage("refused: @disruptive scenarios"
                + " (faults) change stack 'game-day-ov' on AWS only when allowed by name;"
                + " set -Dovha.chaos.allow=game-day-ov (or OVHA_CHAOS_ALLOW)");
    }

    @Test
    void aTypoInTheStackNameRefuses() {
        ChaosGuard guard = aws(properties("ovha.chaos.allow", "game-day-0v", "ovha.allow", "game-day-ov"));

        assertThatCode(() -> guard.requireMutating(STACK)).doesNotThrowAnyException();
        assertThat(refusal(() -> guard.requireDisruptive(STACK))).hasMessage("refused: ovha.chaos.allow ="
                + " 'game-day-0v' (from -Dovha.chaos.allow) does not name the stack under test 'game-day-ov';"
                + " set -Dovha.chaos.allow=game-day-ov");
        // The allowance for reversible changes does not stretch to faults, nor the other way round.
        ChaosGuard chaosOnly = aws(properties("ovha.chaos.allow", "game-day-ov"));
        assertThatCode(() -> chaosOnly.requireDisruptive(STACK)).doesNotThrowAnyException();
        assertThat(refusal(() -> chaosOnly.requireMutating(STACK))).hasMessageContaining("-Dovha.allow=game-day-ov");
    }

    @Test
    void onTheTwinTheOptInsAreImplied() {
        ChaosGuard guard = new ChaosGuard(ChaosSettingsFixtures.defaults(false), Target.TWIN);

        assertThatCode(() -> guard.requireMutating(STACK)).doesNotThrowAnyException();
        assertThatCode(() -> guard.requireDisruptive(STACK)).doesNotThrowAnyException();
    }

    @Test
    void aProductionTagRefusesEvenWithTheOptInUnlessOverriddenForThatStack() {
        ChaosGuard allowed = aws(properties("ovha.chaos.allow", "game-day-ov", "ovha.allow", "game-day-ov"));
        assertThat(refusal(() -> allowed.requireDisruptive(PRODUCTION))).hasMessage("refused: stack 'game-day-ov'"
                + " carries the production tag Environment= Prod ; to change it anyway set"
                + " -Dovha.chaos.allowProduction=game-day-ov");
        refusal(() -> allowed.requireMutating(PRODUCTION));
        // On the twin too: the tag speaks for itself.
        ChaosGuard twin = new ChaosGuard(ChaosSettingsFixtures.defaults(false), Target.TWIN);
        refusal(() -> twin.requireDisruptive(PRODUCTION));

        ChaosGuard otherStack = aws(properties("ovha.chaos.allow", "game-day-ov",
                "ovha.chaos.allowProduction", "staging-ov"));
        assertThat(refusal(() -> otherStack.requireDisruptive(PRODUCTION))).hasMessageContaining(
                "(ovha.chaos.allowProduction = 'staging-ov' (from -Dovha.chaos.allowProduction) names another stack)");

        ChaosGuard overridden = aws(properties("ovha.chaos.allow", "game-day-ov",
                "ovha.chaos.allowProduction", "game-day-ov"));
        assertThatCode(() -> overridden.requireDisruptive(PRODUCTION)).doesNotThrowAnyException();
    }

    @Test
    void productionTagsAreConfigurable() {
        ChaosGuard guard = aws(properties("ovha.chaos.allow", "game-day-ov",
                "ovha.chaos.productionTagKeys", "tier", "ovha.chaos.productionTagValues", "live,critical"));

        assertThatCode(() -> guard.requireDisruptive(PRODUCTION)).doesNotThrowAnyException();
        assertThat(refusal(() -> guard.requireDisruptive(new StackFacts("game-day-ov", GAME_DAY_ID, Map.of("Tier", "LIVE")))))
                .hasMessageContaining("production tag Tier=LIVE");
    }

    @Test
    void blastRadiusIsOneMasterAtATimeWithEnoughHealthyOnes() {
        ChaosGuard guard = aws(new Properties());

        assertThatCode(() -> guard.requireMasterFault(2, 0)).doesNotThrowAnyException();
        assertThat(refusal(() -> guard.requireMasterFault(1, 0))).hasMessage("refused: only 1 healthy master(s),"
                + " and a master fault needs at least 2 (ovha.chaos.minHealthyMasters) so that the others keep"
                + " serving; wait for the stack to recover");
        assertThat(refusal(() -> guard.requireMasterFault(3, 1)))
                .hasMessageContaining("a master fault is already in progress (1)");
        ChaosGuard strict = aws(properties("ovha.chaos.minHealthyMasters", "3"));
        refusal(() -> strict.requireMasterFault(2, 0));
        assertThatCode(() -> strict.requireMasterFault(3, 0)).doesNotThrowAnyException();
    }

    @Test
    void aStackOutOfSteadyStateIsSkippedNotAttacked() {
        ChaosGuard guard = aws(new Properties());

        assertThat(refusal(() -> guard.requireSteadyState(false, "1 of 2 masters healthy")))
                .hasMessage("skipped: the stack is not in its steady state before the fault (1 of 2 masters"
                        + " healthy); nothing was changed");
        assertThatCode(() -> guard.requireSteadyState(true, "2 of 2")).doesNotThrowAnyException();
    }

    @Test
    void aDryRunAsksFisToSkipEveryAction() {
        assertThat(aws(properties("ovha.chaos.dryRun", "true")).fisActionsMode()).isEqualTo(ActionsMode.SKIP_ALL);
        assertThat(aws(properties("ovha.chaos.dryRun", "true")).dryRun()).isTrue();
        assertThat(aws(new Properties()).fisActionsMode()).isEqualTo(ActionsMode.RUN_ALL);
    }
}
