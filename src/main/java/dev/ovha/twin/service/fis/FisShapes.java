package dev.ovha.twin.service.fis;

import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.state.fis.ActionRun;
import dev.ovha.twin.state.fis.ActionSpec;
import dev.ovha.twin.state.fis.Experiment;
import dev.ovha.twin.state.fis.ExperimentTemplate;
import dev.ovha.twin.state.fis.ResolvedTarget;
import dev.ovha.twin.state.fis.StopCondition;
import dev.ovha.twin.state.fis.TargetFilter;
import dev.ovha.twin.state.fis.TargetSpec;
import dev.ovha.twin.state.fis.TemplateDefinition;

import java.util.List;
import java.util.Map;

/**
 * FIS's output shapes (ExperimentTemplate, Experiment, their summaries, ResolvedTarget) with the model's
 * member names. JSON maps are Structs keyed by the map's keys; timestamps are Instants, which the codec
 * writes as epoch seconds; absent optional members are left out, as FIS leaves them out.
 */
final class FisShapes {

    private FisShapes() {
    }

    static Struct template(ExperimentTemplate t) {
        TemplateDefinition d = t.definition();
        return Struct.of()
                .put("id", t.id())
                .put("arn", t.arn())
                .put("description", d.description())
                .put("targets", targets(d.targets()))
                .put("actions", templateActions(d.actions()))
                .put("stopConditions", stopConditions(d.stopConditions()))
                .put("creationTime", t.creationTime())
                .put("lastUpdateTime", t.lastUpdateTime())
                .put("roleArn", d.roleArn())
                .put("tags", map(t.tags()))
                .put("experimentOptions", Struct.of()
                        .put("accountTargeting", accountTargeting(d))
                        .put("emptyTargetResolutionMode", emptyTargetResolutionMode(d)))
                .put("targetAccountConfigurationsCount", 0);
    }

    static Struct templateSummary(ExperimentTemplate t) {
        return Struct.of()
                .put("id", t.id())
                .put("arn", t.arn())
                .put("description", t.definition().description())
                .put("creationTime", t.creationTime())
                .put("lastUpdateTime", t.lastUpdateTime())
                .put("tags", map(t.tags()));
    }

    static Struct experiment(Experiment e) {
        TemplateDefinition d = e.definition();
        Struct actions = Struct.of();
        e.actions().forEach((name, run) -> actions.put(name, action(run.spec())
                .put("state", Struct.of().put("status", run.status().apiName()).put("reason", run.reason()))
                .put("startTime", run.startTime())
                .put("endTime", run.endTime())));
        return Struct.of()
                .put("id", e.id())
                .put("arn", e.arn())
                .put("experimentTemplateId", e.templateId())
                .put("roleArn", d.roleArn())
                .put("state", state(e))
                .put("targets", targets(d.targets()))
                .put("actions", actions)
                .put("stopConditions", stopConditions(d.stopConditions()))
                .put("creationTime", e.creationTime())
                .put("startTime", e.startTime())
                .put("endTime", e.endTime())
                .put("tags", map(e.tags()))
                .put("experimentOptions", options(e))
                .put("targetAccountConfigurationsCount", 0);
    }

    static Struct experimentSummary(Experiment e) {
        return Struct.of()
                .put("id", e.id())
                .put("arn", e.arn())
                .put("experimentTemplateId", e.templateId())
                .put("state", state(e))
                .put("creationTime", e.creationTime())
                .put("tags", map(e.tags()))
                .put("experimentOptions", options(e));
    }

    /**
     * A resolved target: FIS describes the resource in {@code targetInformation}; the twin names it by
     * its ARN under {@code identifier} [I: key name].
     */
    static Struct resolvedTarget(ResolvedTarget t) {
        return Struct.of()
                .put("resourceType", t.resourceType())
                .put("targetName", t.targetName())
                .put("targetInformation", Struct.of().put("identifier", t.arn()));
    }

    static Struct map(Map<String, String> entries) {
        Struct struct = Struct.of();
        entries.forEach(struct::put);
        return struct;
    }

    private static Struct state(Experiment e) {
        return Struct.of().put("status", e.status().apiName()).put("reason", e.reason());
    }

    private static Struct options(Experiment e) {
        return Struct.of()
                .put("accountTargeting", accountTargeting(e.definition()))
                .put("emptyTargetResolutionMode", emptyTargetResolutionMode(e.definition()))
                .put("actionsMode", e.actionsMode());
    }

    private static Struct targets(Map<String, TargetSpec> targets) {
        Struct struct = Struct.of();
        targets.forEach((name, t) -> struct.put(name, Struct.of()
                .put("resourceType", t.resourceType())
                .put("resourceArns", t.resourceArns().isEmpty() ? null : t.resourceArns())
                .put("resourceTags", t.resourceTags().isEmpty() ? null : map(t.resourceTags()))
                .put("filters", t.filters().isEmpty() ? null : t.filters().stream().map(FisShapes::filter).toList())
                .put("selectionMode", t.selectionMode())
                .put("parameters", t.parameters().isEmpty() ? null : map(t.parameters()))));
        return struct;
    }

    private static Struct filter(TargetFilter f) {
        return Struct.of().put("path", f.path()).put("values", f.values());
    }

    private static Struct templateActions(Map<String, ActionSpec> actions) {
        Struct struct = Struct.of();
        actions.forEach((name, a) -> struct.put(name, action(a)));
        return struct;
    }

    private static Struct action(ActionSpec a) {
        return Struct.of()
                .put("actionId", a.actionId())
                .put("description", a.description())
                .put("parameters", map(a.parameters()))
                .put("targets", a.targets().isEmpty() ? null : map(a.targets()))
                .put("startAfter", a.startAfter().isEmpty() ? null : a.startAfter());
    }

    private static List<Struct> stopConditions(List<StopCondition> conditions) {
        return conditions.stream().map(c -> Struct.of().put("source", c.source()).put("value", c.value())).toList();
    }

    private static String accountTargeting(TemplateDefinition d) {
        return d.accountTargeting() == null ? "single-account" : d.accountTargeting();
    }

    private static String emptyTargetResolutionMode(TemplateDefinition d) {
        return d.emptyTargetResolutionMode() == null ? "fail" : d.emptyTargetResolutionMode();
    }
}
