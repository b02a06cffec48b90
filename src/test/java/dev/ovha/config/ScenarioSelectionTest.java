package dev.ovha.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The default selection: everything on the twin, @conformance on aws, and an explicit expression wins. */
class ScenarioSelectionTest {
    private static final Set<String> READ_ONLY = Set.of("conformance", "masters");
    private static final Set<String> MUTATING = Set.of("mutating", "config-changes");

    @Test
    void theTwinRunsEverything() {
        ScenarioSelection twin = new ScenarioSelection(Optional.empty(), Optional.of(Target.TWIN));
        assertThat(twin.selects(READ_ONLY)).isTrue();
        assertThat(twin.selects(MUTATING)).isTrue();
    }

    @Test
    void aLiveStackRunsOnlyConformanceByDefault() {
        ScenarioSelection aws = new ScenarioSelection(Optional.empty(), Optional.of(Target.AWS));
        assertThat(aws.selects(READ_ONLY)).isTrue();
        assertThat(aws.selects(MUTATING)).isFalse();
        assertThat(aws.reason()).contains("-Dcucumber.filter.tags=");
    }

    @Test
    void anExplicitTagExpressionLeavesTheChoiceToCucumber() {
        ScenarioSelection aws = new ScenarioSelection(Optional.of("@mutating"), Optional.of(Target.AWS));
        assertThat(aws.selects(MUTATING)).isTrue();
        assertThat(aws.selects(READ_ONLY)).isTrue();
    }

    @Test
    void anUnresolvableConfigurationSelectsAsForTheTwinAndLetsTheRunReportIt() {
        assertThat(new ScenarioSelection(Optional.empty(), Optional.empty()).selects(MUTATING)).isTrue();
    }
}
