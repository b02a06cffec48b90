package dev.ovha.config;

import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Which scenarios a run selects when no tag expression is given: against the twin, which ovha starts and
 * throws away, all of them (conformance, mutating, disruptive); against a live stack only the read-only
 * {@code @conformance} ones, so that nobody changes a stack by forgetting a flag. An explicit
 * {@code -Dcucumber.filter.tags=...} always wins: Cucumber applies it, and this default steps aside.
 *
 * @param explicitTags the tag expression given on the command line, if any
 * @param target       the target the configuration names, if it could be resolved (a bad configuration is
 *                     reported by the run itself, with its one line)
 */
public record ScenarioSelection(Optional<String> explicitTags, Optional<Target> target) {
    /** Cucumber's own property for a tag expression. */
    public static final String CUCUMBER_TAGS = "cucumber.filter.tags";
    /** The tag every read-only scenario carries, without Cucumber's {@code @}. */
    public static final String CONFORMANCE = "conformance";

    /** The selection this process asks for (its system properties, environment and {@code ovha.properties}). */
    public static ScenarioSelection fromEnvironment() {
        Properties properties = new Properties();
        properties.putAll(System.getProperties());
        Optional<String> tags = Optional.ofNullable(properties.getProperty(CUCUMBER_TAGS)).filter(t -> !t.isBlank());
        Optional<Target> target;
        try {
            target = Optional.of(HarnessConfig.fromEnvironment().target());
        } catch (ConfigException e) {
            target = Optional.empty();
        }
        return new ScenarioSelection(tags, target);
    }

    /** Whether the default selection keeps a scenario with these tags (names without {@code @}). */
    public boolean selects(Set<String> tags) {
        return explicitTags.isPresent() || target.orElse(Target.TWIN) == Target.TWIN || tags.contains(CONFORMANCE);
    }

    /** Why a scenario is left out, for the launcher's log. */
    public String reason() {
        return "ovha.target is aws and no tag expression was given, so only @conformance (read-only) scenarios run;"
                + " select others with -D" + CUCUMBER_TAGS + "=...";
    }
}
