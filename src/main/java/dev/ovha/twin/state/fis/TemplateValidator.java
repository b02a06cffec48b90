package dev.ovha.twin.state.fis;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What FIS checks when a template is created: stop conditions, targets (type, ARNs or tags, selection
 * mode, filters), actions (known, with their parameters, their target key naming a defined target of
 * the right type) and the {@code startAfter} order (names that exist, no cycles). Every refusal is a
 * {@link FisRejection#validation} worded for the person who wrote the template.
 */
final class TemplateValidator {

    private static final int MAX_ARNS = 5;
    private static final int MAX_TAGS = 50;

    private final Predicate<String> alarmExists;

    TemplateValidator(Predicate<String> alarmExists) {
        this.alarmExists = alarmExists;
    }

    void validate(TemplateDefinition template, Map<String, String> tags) {
        checkTags(tags);
        stopConditions(template.stopConditions());
        template.targets().forEach(this::target);
        template.actions().forEach((name, action) -> action(name, action, template));
        order(template.actions());
        if (template.emptyTargetResolutionMode() != null && !Set.of("fail", "skip").contains(template.emptyTargetResolutionMode())) {
            throw FisRejection.validation("emptyTargetResolutionMode must be fail or skip, got '"
                    + template.emptyTargetResolutionMode() + "'");
        }
        if (template.accountTargeting() != null && !template.accountTargeting().equals("single-account")) {
            throw FisRejection.validation("The ovha twin has one account: accountTargeting must be single-account, got '"
                    + template.accountTargeting() + "'");
        }
    }

    static void checkTags(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw FisRejection.validation("1 validation error detected: Value at 'tags' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MAX_TAGS);
        }
    }

    private void stopConditions(List<StopCondition> conditions) {
        if (conditions.isEmpty()) {
            throw FisRejection.validation("An experiment template needs at least one stop condition; use {\"source\":\"none\"} for none");
        }
        for (StopCondition c : conditions) {
            if (c.isAlarm()) {
                if (c.value() == null || c.value().isEmpty()) {
                    throw FisRejection.validation("A stop condition with source aws:cloudwatch:alarm needs the alarm's ARN as its value");
                }
                if (!alarmExists.test(c.value())) {
                    throw FisRejection.validation("The stop condition alarm " + c.value() + " does not exist");
                }
            } else if (!StopCondition.NONE.equals(c.source())) {
                throw FisRejection.validation("Invalid stop condition source '" + c.source()
                        + "': use none or aws:cloudwatch:alarm");
            }
        }
    }

    private void target(String name, TargetSpec target) {
        Set<String> paths = TargetResolver.filterPaths(target.resourceType()).orElseThrow(() -> FisRejection.validation(
                "Target " + name + ": the ovha twin resolves resource types aws:ec2:instance and aws:ec2:subnet, not '"
                        + target.resourceType() + "'"));
        boolean arns = !target.resourceArns().isEmpty();
        boolean tags = !target.resourceTags().isEmpty();
        if (arns && tags) {
            throw FisRejection.validation("You cannot specify both resource ARNs and resource tags");
        }
        if (!arns && !tags) {
            throw FisRejection.validation("Target " + name + ": specify either resource ARNs or resource tags");
        }
        if (target.resourceArns().size() > MAX_ARNS) {
            throw FisRejection.validation("1 validation error detected: Value at 'targets." + name
                    + ".member.resourceArns' failed to satisfy constraint: Member must have length less than or equal to " + MAX_ARNS);
        }
        SelectionMode.parse(name, target.selectionMode());
        for (TargetFilter filter : target.filters()) {
            if (!paths.contains(filter.path())) {
                throw FisRejection.validation("Target " + name + ": the filter path '" + filter.path() + "' is not one the ovha twin knows for "
                        + target.resourceType() + "; it knows " + String.join(", ", paths));
            }
            if (filter.values().isEmpty()) {
                throw FisRejection.validation("Target " + name + ": the filter on " + filter.path() + " has no values");
            }
        }
        if (!target.parameters().isEmpty()) {
            throw FisRejection.validation("Target " + name + ": the ovha twin does not emulate target parameters ("
                    + String.join(", ", target.parameters().keySet()) + ")");
        }
    }

    private void action(String name, ActionSpec action, TemplateDefinition template) {
        ActionKind kind = ActionKind.of(action.actionId());
        kind.validate(name, action.parameters());
        for (Map.Entry<String, String> t : action.targets().entrySet()) {
            if (kind.targetKey().isEmpty() || !kind.targetKey().get().equals(t.getKey())) {
                throw FisRejection.validation("Action " + name + ": " + kind.id() + " "
                        + kind.targetKey().map(k -> "takes the target key " + k).orElse("takes no targets")
                        + ", not '" + t.getKey() + "'");
            }
            TargetSpec target = template.targets().get(t.getValue());
            if (target == null) {
                throw FisRejection.validation("Action " + name + " refers to the target " + t.getValue()
                        + ", which the template does not define");
            }
            if (!target.resourceType().equals(kind.resourceType())) {
                throw FisRejection.validation("Action " + name + ": " + kind.id() + " acts on " + kind.resourceType()
                        + " targets, but " + t.getValue() + " is of type " + target.resourceType());
            }
        }
        kind.targetKey().filter(k -> !action.targets().containsKey(k)).ifPresent(k -> {
            throw FisRejection.validation("Action " + name + ": " + kind.id() + " needs a target for its key " + k);
        });
        for (String before : action.startAfter()) {
            if (!template.actions().containsKey(before)) {
                throw FisRejection.validation("Action " + name + " starts after " + before
                        + ", which the template does not define");
            }
        }
    }

    /** Depth-first search for a cycle in startAfter: an action that (indirectly) waits for itself never starts. */
    private static void order(Map<String, ActionSpec> actions) {
        Set<String> done = new HashSet<>();
        for (String start : actions.keySet()) {
            Deque<String> path = new ArrayDeque<>();
            visit(start, actions, path, done);
        }
    }

    private static void visit(String name, Map<String, ActionSpec> actions, Deque<String> path, Set<String> done) {
        if (done.contains(name)) {
            return;
        }
        if (path.contains(name)) {
            throw FisRejection.validation("The actions' startAfter lists form a cycle through " + name);
        }
        path.push(name);
        for (String before : actions.get(name).startAfter()) {
            visit(before, actions, path, done);
        }
        path.pop();
        done.add(name);
    }
}
