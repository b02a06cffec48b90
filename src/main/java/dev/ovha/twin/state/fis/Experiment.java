package dev.ovha.twin.state.fis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One experiment: a snapshot of its template's definition, its options, its status with FIS's reason,
 * its actions, and the resources its targets resolved to. {@link ExperimentRunner} moves it along.
 */
public final class Experiment {

    public static final String RUN_ALL = "run-all";
    public static final String SKIP_ALL = "skip-all";

    private final String id;
    private final String arn;
    private final String templateId;
    private final TemplateDefinition definition;
    private final String actionsMode;
    private final Instant creationTime;
    private final Map<String, String> tags;
    private final Map<String, ActionRun> actions = new LinkedHashMap<>();
    private final List<ResolvedTarget> resolved = new ArrayList<>();
    private ExperimentStatus status = ExperimentStatus.INITIATING;
    private String reason = "Experiment is initiating.";
    private Instant endTime;

    Experiment(String id, String arn, String templateId, TemplateDefinition definition, String actionsMode,
               Instant creationTime, Map<String, String> tags) {
        this.id = id;
        this.arn = arn;
        this.templateId = templateId;
        this.definition = definition;
        this.actionsMode = actionsMode;
        this.creationTime = creationTime;
        this.tags = new LinkedHashMap<>(tags);
        definition.actions().forEach((name, spec) -> actions.put(name, new ActionRun(name, spec)));
    }

    public String id() {
        return id;
    }

    public String arn() {
        return arn;
    }

    public String templateId() {
        return templateId;
    }

    public TemplateDefinition definition() {
        return definition;
    }

    public String actionsMode() {
        return actionsMode;
    }

    public Instant creationTime() {
        return creationTime;
    }

    /** FIS reports the experiment started when it was created (StartExperiment's own instant). */
    public Instant startTime() {
        return creationTime;
    }

    public Instant endTime() {
        return endTime;
    }

    public ExperimentStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public Map<String, String> tags() {
        return Collections.unmodifiableMap(tags);
    }

    public Map<String, ActionRun> actions() {
        return Collections.unmodifiableMap(actions);
    }

    /** Every resource the targets resolved to, target by target in the template's order; empty before resolution. */
    public List<ResolvedTarget> resolvedTargets() {
        return Collections.unmodifiableList(resolved);
    }

    Map<String, String> mutableTags() {
        return tags;
    }

    void setResolved(List<ResolvedTarget> targets) {
        resolved.clear();
        resolved.addAll(targets);
    }

    void set(ExperimentStatus next, String why) {
        this.status = next;
        this.reason = why;
    }

    void end(ExperimentStatus next, String why, Instant at) {
        set(next, why);
        this.endTime = at;
    }
}
