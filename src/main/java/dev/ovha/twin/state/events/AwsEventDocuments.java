package dev.ovha.twin.state.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ovha.twin.sim.Account;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The events AWS puts on the default bus for this stack, in EventBridge's envelope ({@code version},
 * {@code id}, {@code detail-type}, {@code source}, {@code account}, {@code time}, {@code region},
 * {@code resources}, {@code detail}). {@code time} is ISO-8601 UTC to the second, as EventBridge writes it.
 */
final class AwsEventDocuments {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AwsEventDocuments() {
    }

    /** What Auto Scaling emits when a lifecycle hook puts a member into a wait state. */
    static ObjectNode lifecycleAction(Account account, String eventId, Instant at, String groupArn, String groupName,
                                      String hookName, String transition, String instanceId, String actionToken) {
        boolean launching = transition.endsWith("LAUNCHING");
        ObjectNode detail = NODES.objectNode()
                .put("LifecycleActionToken", actionToken)
                .put("AutoScalingGroupName", groupName)
                .put("LifecycleHookName", hookName)
                .put("EC2InstanceId", instanceId)
                .put("LifecycleTransition", transition)
                .put("Origin", launching ? "EC2" : "AutoScalingGroup")
                .put("Destination", launching ? "AutoScalingGroup" : "EC2");
        return envelope(account, eventId, at, launching ? "EC2 Instance-launch Lifecycle Action"
                : "EC2 Instance-terminate Lifecycle Action", "aws.autoscaling", groupArn, detail);
    }

    /** What EventBridge itself emits when a scheduled rule fires. */
    static ObjectNode scheduled(Account account, String eventId, Instant at, String ruleArn) {
        return envelope(account, eventId, at, "Scheduled Event", "aws.events", ruleArn, NODES.objectNode());
    }

    private static ObjectNode envelope(Account account, String eventId, Instant at, String detailType, String source,
                                       String resource, ObjectNode detail) {
        ObjectNode event = NODES.objectNode()
                .put("version", "0")
                .put("id", eventId)
                .put("detail-type", detailType)
                .put("source", source)
                .put("account", account.id())
                .put("time", DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS)))
                .put("region", account.region());
        event.putArray("resources").add(resource);
        event.set("detail", detail);
        return event;
    }
}
