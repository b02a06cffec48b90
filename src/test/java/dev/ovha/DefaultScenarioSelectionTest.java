package dev.ovha;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.ovha.config.ScenarioSelection;
import dev.ovha.config.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The filter on the real features: against aws only @conformance scenarios stay in the plan. */
class DefaultScenarioSelectionTest {

    private static List<TestIdentifier> plan(ScenarioSelection selection) {
        TestPlan plan = LauncherFactory.create(LauncherConfig.builder()
                        .enablePostDiscoveryFilterAutoRegistration(false).build())
                .discover(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectDirectory("features"))
                        .filters(EngineFilter.includeEngines("cucumber"), new DefaultScenarioSelection(selection))
                        .configurationParameter(GLUE_PROPERTY_NAME, "dev.ovha.steps")
                        .build());
        List<TestIdentifier> scenarios = new ArrayList<>();
        plan.getRoots().forEach(root -> plan.getDescendants(root).stream().filter(TestIdentifier::isTest)
                .forEach(scenarios::add));
        return scenarios;
    }

    @Test
    void againstAwsOnlyConformanceScenariosAreSelected() {
        List<TestIdentifier> all = plan(new ScenarioSelection(Optional.empty(), Optional.of(Target.TWIN)));
        List<TestIdentifier> aws = plan(new ScenarioSelection(Optional.empty(), Optional.of(Target.AWS)));
        assertThat(all).anyMatch(t -> t.getTags().stream().anyMatch(tag -> tag.getName().equals("mutating")));
        assertThat(aws).isNotEmpty().hasSizeLessThan(all.size())
                .allMatch(t -> t.getTags().stream().anyMatch(tag -> tag.getName().equals("conformance")));
        assertThat(plan(new ScenarioSelection(Optional.of("@mutating"), Optional.of(Target.AWS)))).hasSameSizeAs(all);
    }
}
