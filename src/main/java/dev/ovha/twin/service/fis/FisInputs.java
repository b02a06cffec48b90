package dev.ovha.twin.service.fis;

import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.JsonInput;
import dev.ovha.twin.protocol.RestRequest;
import dev.ovha.twin.state.fis.ActionSpec;
import dev.ovha.twin.state.fis.StopCondition;
import dev.ovha.twin.state.fis.TargetFilter;
import dev.ovha.twin.state.fis.TargetSpec;
import dev.ovha.twin.state.fis.TemplateDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads FIS's rest-json inputs into the state's terms. Missing required members are refused the way
 * AWS's front end words it ({@code Value null at 'x' failed to satisfy constraint: Member must not be
 * null}); what the members mean is checked by the state.
 */
final class FisInputs {

    private FisInputs() {
    }

    static TemplateDefinition template(JsonInput in) {
        required(in, "clientToken", "clientToken");
        String description = required(in, "description", "description");
        String roleArn = required(in, "roleArn", "roleArn");
        if (!in.has("stopConditions")) {
            throw missing("stopConditions");
        }
        if (!in.has("actions")) {
            throw missing("actions");
        }
        Map<String, TargetSpec> targets = new LinkedHashMap<>();
        in.structMap("targets").forEach((name, t) -> targets.put(name, target(name, t)));
        Map<String, ActionSpec> actions = new LinkedHashMap<>();
        in.structMap("actions").forEach((name, a) -> actions.put(name, action(name, a)));
        List<StopCondition> stops = objects(in, "stopConditions").stream().map(condition -> new StopCondition(
                required(condition, "source", "stopConditions.member.source"), condition.string("value").orElse(null))).toList();
        Optional<JsonInput> options = in.struct("experimentOptions").map(JsonInput.class::cast);
        if (in.has("logConfiguration") || in.has("experimentReportConfiguration")) {
            throw AwsError.badRequest("ValidationException", "The ovha twin does not emulate FIS experiment logs or reports "
                    + "(logConfiguration, experimentReportConfiguration)");
        }
        return new TemplateDefinition(description, targets, actions, stops, roleArn,
                options.flatMap(o -> o.string("accountTargeting")).orElse(null),
                options.flatMap(o -> o.string("emptyTargetResolutionMode")).orElse(null));
    }

    private static TargetSpec target(String name, JsonInput t) {
        String where = "targets." + name + ".member.";
        String type = required(t, "resourceType", where + "resourceType");
        String selection = required(t, "selectionMode", where + "selectionMode");
        List<TargetFilter> filters = objects(t, "filters").stream().map(filter -> {
            String path = required(filter, "path", where + "filters.member.path");
            if (!filter.has("values")) {
                throw missing(where + "filters.member.values");
            }
            return new TargetFilter(path, filter.strings("values"));
        }).toList();
        return new TargetSpec(type, t.strings("resourceArns"), t.stringMap("resourceTags"), filters, selection,
                t.stringMap("parameters"));
    }

    private static ActionSpec action(String name, JsonInput a) {
        String actionId = required(a, "actionId", "actions." + name + ".member.actionId");
        return new ActionSpec(actionId, a.string("description").orElse(null), a.stringMap("parameters"),
                a.stringMap("targets"), a.strings("startAfter"));
    }

    /** A query parameter that must be a whole number within the model's range. */
    static Optional<Integer> maxResults(RestRequest request) {
        return request.param("maxResults").map(text -> {
            int value;
            try {
                value = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw AwsError.badRequest("ValidationException", "1 validation error detected: Value '" + text
                        + "' at 'maxResults' failed to satisfy constraint: Member must be a number");
            }
            if (value < 1 || value > 100) {
                throw AwsError.badRequest("ValidationException", "1 validation error detected: Value '" + value
                        + "' at 'maxResults' failed to satisfy constraint: Member must have value "
                        + (value < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
            }
            return value;
        });
    }

    private static List<JsonInput> objects(JsonInput in, String member) {
        return in.structs(member).stream().map(JsonInput.class::cast).toList();
    }

    private static String required(JsonInput in, String member, String path) {
        return in.string(member).filter(s -> !s.isEmpty()).orElseThrow(() -> missing(path));
    }

    private static AwsError missing(String path) {
        return AwsError.badRequest("ValidationException", "1 validation error detected: Value null at '" + path
                + "' failed to satisfy constraint: Member must not be null");
    }
}
