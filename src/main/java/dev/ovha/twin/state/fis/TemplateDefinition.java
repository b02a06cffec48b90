package dev.ovha.twin.state.fis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything CreateExperimentTemplate says about an experiment, in the caller's order; an experiment
 * keeps its own copy, so deleting the template does not change a running experiment.
 *
 * @param accountTargeting          {@code single-account} (the twin has one account)
 * @param emptyTargetResolutionMode {@code fail} (default) or {@code skip}: what a target that resolves
 *                                  to nothing does to the experiment
 */
public record TemplateDefinition(String description, Map<String, TargetSpec> targets, Map<String, ActionSpec> actions,
                                 List<StopCondition> stopConditions, String roleArn, String accountTargeting,
                                 String emptyTargetResolutionMode) {

    public TemplateDefinition {
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
        stopConditions = List.copyOf(stopConditions);
    }
}
