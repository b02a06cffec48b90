package dev.ovha.twin.state;

import dev.ovha.twin.state.fis.ActionSpec;
import dev.ovha.twin.state.fis.StopCondition;
import dev.ovha.twin.state.fis.TargetFilter;
import dev.ovha.twin.state.fis.TargetSpec;
import dev.ovha.twin.state.fis.TemplateDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders of FIS template definitions for the dynamics tests: one target, one or more actions. */
final class FisTemplates {

    static final String CPU_STRESS = "arn:aws:ssm:us-east-1::document/AWSFIS-Run-CPU-Stress";

    private final Map<String, TargetSpec> targets = new LinkedHashMap<>();
    private final Map<String, ActionSpec> actions = new LinkedHashMap<>();
    private StopCondition stop = new StopCondition(StopCondition.NONE, null);
    private String emptyMode;

    static FisTemplates template() {
        return new FisTemplates();
    }

    static TargetSpec runningInstancesOfGroup(String group, String selection) {
        return new TargetSpec("aws:ec2:instance", List.of(), Map.of("aws:autoscaling:groupName", group),
                List.of(new TargetFilter("State.Name", List.of("running"))), selection, Map.of());
    }

    static TargetSpec instance(String instanceId) {
        return new TargetSpec("aws:ec2:instance", List.of("arn:aws:ec2:us-east-1:123456789012:instance/" + instanceId),
                Map.of(), List.of(), "ALL", Map.of());
    }

    static TargetSpec subnetInZone(String zone) {
        return new TargetSpec("aws:ec2:subnet", List.of(), Map.of("Name", "ovha-twin-a"),
                List.of(new TargetFilter("AvailabilityZone", List.of(zone))), "ALL", Map.of());
    }

    FisTemplates target(String name, TargetSpec spec) {
        targets.put(name, spec);
        return this;
    }

    FisTemplates action(String name, String actionId, Map<String, String> parameters, String targetKey, String target,
                        String... startAfter) {
        actions.put(name, new ActionSpec(actionId, null, parameters, target == null ? Map.of() : Map.of(targetKey, target),
                List.of(startAfter)));
        return this;
    }

    FisTemplates stopWhenInAlarm(String alarmArn) {
        stop = new StopCondition(StopCondition.ALARM, alarmArn);
        return this;
    }

    FisTemplates skipEmptyTargets() {
        emptyMode = "skip";
        return this;
    }

    TemplateDefinition build() {
        return new TemplateDefinition("dynamics test", targets, actions, List.of(stop),
                "arn:aws:iam::123456789012:role/fis-role", null, emptyMode);
    }
}
