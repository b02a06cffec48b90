package dev.ovha;

import dev.ovha.config.ScenarioSelection;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * The default scenario selection of {@code ./mvnw verify} ({@link ScenarioSelection}): everything against the
 * twin, {@code @conformance} against a live stack, unless {@code -Dcucumber.filter.tags=...} says otherwise.
 * Registered with the JUnit Platform launcher through {@code META-INF/services}; it looks only at Cucumber's
 * scenarios, never at other engines' tests.
 */
public final class DefaultScenarioSelection implements PostDiscoveryFilter {
    private static final String CUCUMBER_ENGINE = "cucumber";

    private ScenarioSelection selection;

    /** What the launcher instantiates: the selection is resolved from this process on the first scenario. */
    public DefaultScenarioSelection() {
    }

    DefaultScenarioSelection(ScenarioSelection selection) {
        this.selection = selection;
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!descriptor.isTest() || !descriptor.getUniqueId().getEngineId().map(CUCUMBER_ENGINE::equals).orElse(false)) {
            return FilterResult.included("not a Cucumber scenario");
        }
        Set<String> tags = descriptor.getTags().stream().map(TestTag::getName).collect(Collectors.toSet());
        ScenarioSelection current = selection();
        return current.selects(tags) ? FilterResult.included("selected by default")
                : FilterResult.excluded(current.reason());
    }

    /** Resolved once per launcher, on the first scenario. */
    private synchronized ScenarioSelection selection() {
        if (selection == null) {
            selection = ScenarioSelection.fromEnvironment();
        }
        return selection;
    }
}
