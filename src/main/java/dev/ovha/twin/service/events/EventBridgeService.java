package dev.ovha.twin.service.events;

import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.AwsInput;
import dev.ovha.twin.protocol.JsonCodec;
import dev.ovha.twin.protocol.Page;
import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.service.JsonService;
import dev.ovha.twin.state.World;
import dev.ovha.twin.state.events.EventRule;
import dev.ovha.twin.state.events.EventsState;
import dev.ovha.twin.state.events.RuleTarget;

import java.util.List;
import java.util.Optional;

/**
 * EventBridge over AWS JSON 1.1: the stack's rules and their targets on the default bus. SDK 2.40.2
 * has no paginators for these listings, so callers loop on NextToken by hand — and the twin's small
 * pages make sure they do.
 */
public final class EventBridgeService extends JsonService {

    private static final JsonCodec CODEC = JsonCodec.of("1.1");

    private final int pageSize;

    public EventBridgeService(int pageSize) {
        super("events", "AWSEvents", "EventBridge", CODEC);
        this.pageSize = pageSize;
        operation("ListRules", this::listRules);
        operation("DescribeRule", this::describeRule);
        operation("ListTargetsByRule", this::listTargetsByRule);
    }

    private Struct listRules(AwsInput in, World world) {
        bus(in, world);
        String prefix = in.string("NamePrefix").orElse("");
        List<EventRule> rules = world.events().rules().stream().filter(r -> r.name().startsWith(prefix)).toList();
        Page<EventRule> page = Page.of(rules, in.string("NextToken"), limit(in), pageSize, EventBridgeService::badToken);
        return Struct.of()
                .put("Rules", page.items().stream().map(EventBridgeShapes::rule).toList())
                .put("NextToken", page.nextToken());
    }

    private Struct describeRule(AwsInput in, World world) {
        String bus = bus(in, world);
        return EventBridgeShapes.describedRule(rule(world, in.required("Name"), bus));
    }

    private Struct listTargetsByRule(AwsInput in, World world) {
        String bus = bus(in, world);
        EventRule rule = rule(world, in.required("Rule"), bus);
        Page<RuleTarget> page = Page.of(rule.targets(), in.string("NextToken"), limit(in), pageSize,
                EventBridgeService::badToken);
        return Struct.of()
                .put("Targets", page.items().stream().map(EventBridgeShapes::target).toList())
                .put("NextToken", page.nextToken());
    }

    /** The twin has only the default bus; it may be named or given by ARN. */
    private static String bus(AwsInput in, World world) {
        String bus = in.string("EventBusName").orElse(EventsState.DEFAULT_BUS);
        String defaultArn = world.sim().account().arn("events", "event-bus/" + EventsState.DEFAULT_BUS);
        if (!bus.equals(EventsState.DEFAULT_BUS) && !bus.equals(defaultArn)) {
            throw AwsError.badRequest("ResourceNotFoundException", "Event bus " + bus + " does not exist.");
        }
        return EventsState.DEFAULT_BUS;
    }

    private static EventRule rule(World world, String name, String bus) {
        return world.events().rule(name).orElseThrow(() -> AwsError.badRequest("ResourceNotFoundException",
                "Rule " + name + " does not exist on EventBus " + bus + "."));
    }

    private static Optional<Integer> limit(AwsInput in) {
        Optional<Integer> limit = in.integer("Limit");
        limit.filter(l -> l < 1 || l > 100).ifPresent(l -> {
            throw AwsError.badRequest("ValidationException", "1 validation error detected: Value '" + l
                    + "' at 'limit' failed to satisfy constraint: Member must have value "
                    + (l < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
        });
        return limit;
    }

    private static AwsError badToken(String token) {
        return AwsError.badRequest("ValidationException", "The NextToken provided is invalid.");
    }
}
