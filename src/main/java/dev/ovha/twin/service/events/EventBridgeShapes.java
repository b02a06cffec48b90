package dev.ovha.twin.service.events;

import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.state.events.EventPattern;
import dev.ovha.twin.state.events.EventRule;
import dev.ovha.twin.state.events.InputTransformer;
import dev.ovha.twin.state.events.RuleTarget;

/** EventBridge output shapes. {@code EventPattern} is a JSON document carried as a STRING. */
final class EventBridgeShapes {

    private EventBridgeShapes() {
    }

    /** A rule as ListRules lists it. */
    static Struct rule(EventRule r) {
        return Struct.of()
                .put("Name", r.name())
                .put("Arn", r.arn())
                .put("EventPattern", r.eventPattern().map(EventPattern::text).orElse(null))
                .put("State", r.state())
                .put("Description", r.description().orElse(null))
                .put("ScheduleExpression", r.scheduleExpression().orElse(null))
                .put("EventBusName", r.eventBusName());
    }

    /** DescribeRule: the same members, flat, plus who created the rule. */
    static Struct describedRule(EventRule r) {
        return rule(r).put("CreatedBy", r.createdBy());
    }

    static Struct target(RuleTarget t) {
        InputTransformer transformer = t.inputTransformer();
        Struct paths = null;
        if (transformer != null) {
            Struct map = Struct.of();
            transformer.inputPathsMap().forEach(map::put);
            paths = map;
        }
        return Struct.of()
                .put("Id", t.id())
                .put("Arn", t.arn())
                .put("InputTransformer", transformer == null ? null : Struct.of()
                        .put("InputPathsMap", paths)
                        .put("InputTemplate", transformer.inputTemplate()))
                .put("SqsParameters", t.sqsMessageGroupId() == null ? null
                        : Struct.of().put("MessageGroupId", t.sqsMessageGroupId()));
    }
}
