package dev.ovha.rules;

import dev.ovha.driver.EventRuleView;
import dev.ovha.driver.LogSearch;
import dev.ovha.driver.LogWatch;
import dev.ovha.driver.QueueActivity;
import dev.ovha.driver.QueueView;
import dev.ovha.driver.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * AWS events reach the masters: the stack's two rules feed its FIFO queue, the queue is as the template
 * made it, schedule notifications show in a master's replication-manager log, and the masters consume
 * the queue ({@code openvidu-ha.md} §3.5, §6 item 5).
 */
public final class EventRules {
    /** The schedule rule's expression in the template. */
    static final String TEMPLATE_SCHEDULE = "rate(1 minute)";
    /** What the replication-manager logs for every schedule notification. */
    public static final String SCHEDULE_SOURCE = "custom.autoscaling_schedule";

    private EventRules() {
    }

    /** Both rules exist, are enabled, and deliver to the stack's queue (in a message group, as FIFO needs). */
    public static List<String> rulesFeedTheQueue(Stack stack, Optional<EventRuleView> lifecycle,
                                                 Optional<EventRuleView> schedule, QueueView queue) {
        List<String> defects = new ArrayList<>();
        rule(defects, stack, "LifeCycleMediaNodesRule", "media nodes launching and terminating", lifecycle, queue);
        rule(defects, stack, "AutoscalingScheduleRule", "the one-minute schedule", schedule, queue);
        lifecycle.flatMap(EventRuleView::eventPattern).filter(p -> !p.contains(stack.mediaGroupName())
                || !p.contains("aws.autoscaling")).ifPresent(p -> defects.add("Rule " + lifecycle.get().name()
                + " matches " + p + ", not the aws.autoscaling lifecycle events of media group " + stack.mediaGroupName()
                + ": the masters never hear of media nodes launching or terminating. Update the stack to restore the pattern."));
        schedule.filter(s -> !s.scheduleExpression().orElse("").equals(TEMPLATE_SCHEDULE)).ifPresent(s -> defects.add(
                "Rule " + s.name() + " runs on " + s.scheduleExpression().orElse("no schedule") + ", expected the template's "
                        + TEMPLATE_SCHEDULE + ": the masters' replication-manager does its periodic work (media scale-in"
                        + " among it) on this notification."));
        return defects;
    }

    private static void rule(List<String> defects, Stack stack, String logicalId, String what,
                             Optional<EventRuleView> view, QueueView queue) {
        String name = stack.physicalId(logicalId).orElse(logicalId);
        if (view.isEmpty()) {
            defects.add("Stack " + stack.name() + " has no rule " + name + " (" + logicalId + ") on the default event bus,"
                    + " so the events of " + what + " reach nobody. It was deleted outside CloudFormation: update the stack"
                    + " to recreate it.");
            return;
        }
        EventRuleView rule = view.get();
        if (!rule.enabled()) {
            defects.add("Rule " + rule.name() + " is " + rule.state() + ", so the events of " + what + " reach nobody."
                    + " Enable it (aws events enable-rule --name " + rule.name() + ").");
        }
        if (rule.targets().isEmpty()) {
            defects.add("Rule " + rule.name() + " has no target, so the events of " + what + " reach nobody: the stack's"
                    + " queue " + queue.name() + " must be its target. Its targets were removed outside CloudFormation;"
                    + " update the stack to restore them.");
            return;
        }
        List<EventRuleView.RuleTargetView> toQueue = rule.targets().stream()
                .filter(t -> t.arn().equals(queue.arn())).toList();
        if (toQueue.isEmpty()) {
            defects.add("Rule " + rule.name() + " delivers to " + rule.targets().stream().map(EventRuleView.RuleTargetView::arn)
                    .toList() + " but not to the stack's queue " + queue.arn() + ", which the masters read. Update the stack"
                    + " to restore the rule's target.");
        }
        toQueue.stream().filter(t -> t.messageGroupId().isEmpty()).forEach(t -> defects.add("Rule " + rule.name()
                + "'s target " + t.id() + " sets no SQS message group, which a FIFO queue requires: SQS refuses every"
                + " event. The template uses the group sqs-notification."));
    }

    /** FIFO, content-based deduplication, 60 s retention, 50 s visibility, and a policy that lets EventBridge send. */
    public static List<String> queueAsTemplate(QueueView queue) {
        List<String> defects = new ArrayList<>();
        attribute(defects, queue, "FifoQueue", "true", "");
        attribute(defects, queue, "ContentBasedDeduplication", "true", "");
        attribute(defects, queue, "MessageRetentionPeriod", "60", " s");
        attribute(defects, queue, "VisibilityTimeout", "50", " s");
        String policy = queue.attribute("Policy").orElse("");
        if (!policy.contains("events.amazonaws.com") || !policy.contains("sqs:SendMessage")) {
            defects.add("Queue " + queue.name() + "'s policy does not let events.amazonaws.com call sqs:SendMessage, so"
                    + " EventBridge cannot deliver any event to it" + (policy.isEmpty() ? " (it has no policy)" : "") + ".");
        }
        if (!defects.isEmpty()) {
            defects.add("The queue no longer is what the template made it (was it edited outside CloudFormation?): set"
                    + " the attributes back with aws sqs set-queue-attributes, or update the stack. A longer retention"
                    + " lets masters act on stale events; a shorter visibility timeout lets a second master handle an"
                    + " event the first is still handling.");
        }
        return defects;
    }

    private static void attribute(List<String> defects, QueueView queue, String name, String expected, String unit) {
        String actual = queue.attribute(name).orElse("(absent)");
        if (!actual.equalsIgnoreCase(expected)) {
            defects.add("Queue " + queue.name() + ": " + name + " is " + actual + unit + ", the template's is " + expected
                    + unit + ".");
        }
    }

    /** Some master logged a schedule notification while the logs were watched. */
    public static List<String> scheduleNotificationLogged(LogWatch watch, String scheduleRule, String queueName) {
        if (watch.found().isPresent()) {
            return List.of();
        }
        List<String> defects = new ArrayList<>();
        defects.add("No master logged a schedule notification ('" + watch.pattern() + "') in its " + watch.service()
                + " log: searched " + watch.instanceIds() + " together, " + watch.searches().size() + " searches in all over "
                + watch.searchedFor().toSeconds() + " s, each looking " + watch.window().toSeconds()
                + " s back (two schedule periods). The schedule rule's events do not reach the masters: check that rule "
                + scheduleRule + " is enabled and targets " + queueName + ", and that the masters consume that queue"
                + " (RM_SQS_QUEUE in /opt/openvidu/.env names it).");
        watch.searches().stream().filter(s -> s.outcome() == LogSearch.Outcome.ERROR)
                .collect(Collectors.toMap(LogSearch::instanceId, s -> s, (a, b) -> b)).values()
                .forEach(s -> defects.add("On " + s.instanceId() + " the search itself failed (" + s.detail() + "): `"
                        + s.command() + "`."));
        return defects;
    }

    /**
     * Messages reach the queue and the masters delete them (each handled by one master). A message sent
     * in the newest minute may not be consumed yet, so only the earlier ones must have been.
     */
    public static List<String> eventsConsumed(QueueActivity activity) {
        if (activity.sent() == 0) {
            return List.of("CloudWatch counted no message sent to " + activity.queueName() + " (" + activity.summary()
                    + "): no event reaches the queue, although the schedule rule alone sends one a minute. Check that"
                    + " the stack's rules are enabled and target the queue, and that its policy lets events.amazonaws.com"
                    + " send.");
        }
        if (activity.deleted() == 0 && activity.settledSent() > 0) {
            return List.of("Messages reach " + activity.queueName() + " but no master consumes them (" + activity.summary()
                    + "): media nodes launched or terminated go unnoticed. Check that the masters' replication-manager"
                    + " reads this queue (RM_SQS_QUEUE in /opt/openvidu/.env) and may (their role allows sqs:* on it).");
        }
        return List.of();
    }
}
