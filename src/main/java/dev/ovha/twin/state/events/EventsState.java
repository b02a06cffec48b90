package dev.ovha.twin.state.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ovha.twin.sim.SeededIds;
import dev.ovha.twin.sim.Sim;
import dev.ovha.twin.state.AutoScalingGroup;
import dev.ovha.twin.state.GroupInstance;
import dev.ovha.twin.state.LifecycleActionListener;
import dev.ovha.twin.state.LifecycleHook;
import dev.ovha.twin.state.sqs.SendResult;
import dev.ovha.twin.state.sqs.SqsQueue;
import dev.ovha.twin.state.sqs.SqsState;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The twin's EventBridge default bus: the stack's rules, their schedules, and delivery of matching
 * events to their SQS targets. Events arrive from Auto Scaling's lifecycle hooks (this class listens
 * to {@code AutoScalingState}) and from the rules' own schedules; delivery is immediate in virtual time.
 * A DISABLED rule, or a rule without targets, delivers nothing. Call under the world's lock.
 */
public final class EventsState implements LifecycleActionListener {

    public static final String DEFAULT_BUS = "default";
    /** SenderId of the messages EventBridge puts on a queue [I: AWS shows the service's own identity]. */
    static final String SENDER = "events.amazonaws.com";

    private final Sim sim;
    private final SeededIds ids;
    private final SqsState sqs;
    private final Map<String, EventRule> rules = new LinkedHashMap<>();
    /** Targets taken off their rules by the {@code events-not-delivered} fault, to put back when it clears. */
    private final Map<String, List<RuleTarget>> detached = new LinkedHashMap<>();

    public EventsState(Sim sim, SeededIds ids, SqsState sqs) {
        this.sim = sim;
        this.ids = ids;
        this.sqs = sqs;
    }

    /** Adds a rule; a scheduled rule starts firing one period from now. */
    public void add(EventRule rule) {
        if (rules.putIfAbsent(rule.name(), rule) != null) {
            throw new IllegalArgumentException("rule " + rule.name() + " already exists");
        }
        if (rule.scheduleExpression().isPresent()) {
            scheduleFire(rule, sim.now().plus(rule.schedulePeriod()));
        }
    }

    public List<EventRule> rules() {
        return List.copyOf(rules.values());
    }

    public Optional<EventRule> rule(String name) {
        return Optional.ofNullable(rules.get(name));
    }

    /** EnableRule / DisableRule. */
    public void setEnabled(String ruleName, boolean enabled) {
        EventRule rule = require(ruleName);
        if (rule.enabled() != enabled) {
            rule.setEnabled(enabled);
            sim.log().record(enabled ? "events.rule-enabled" : "events.rule-disabled", ruleName);
        }
    }

    /** RemoveTargets of every target of every rule: the rules stay ENABLED and deliver nothing. */
    public void detachAllTargets() {
        for (EventRule rule : rules.values()) {
            if (!rule.targets().isEmpty()) {
                detached.put(rule.name(), rule.targets());
                rule.replaceTargets(List.of());
                sim.log().record("events.targets-removed", rule.name());
            }
        }
    }

    /** Puts back what {@link #detachAllTargets} removed. */
    public void reattachTargets() {
        detached.forEach((name, targets) -> {
            rules.get(name).replaceTargets(targets);
            sim.log().record("events.targets-restored", name);
        });
        detached.clear();
    }

    /** PutEvents on the default bus: every enabled pattern rule that matches delivers to its targets. */
    public void put(JsonNode event) {
        for (EventRule rule : rules.values()) {
            if (rule.enabled() && rule.eventPattern().map(p -> p.matches(event)).orElse(false)) {
                deliver(rule, event);
            }
        }
    }

    @Override
    public void onLifecycleAction(AutoScalingGroup group, GroupInstance member, LifecycleHook hook) {
        put(AwsEventDocuments.lifecycleAction(sim.account(), ids.uuid(), sim.now(), group.arn(), group.name(),
                hook.name(), hook.transition(), member.instanceId(), ids.uuid()));
    }

    /**
     * Fires at {@code due}, then every period after it. Each firing is aimed at its own due time, not at
     * "a period from now", so that late-running tasks on the real-time clock do not make the schedule drift.
     */
    private void scheduleFire(EventRule rule, Instant due) {
        sim.after(Duration.between(sim.now(), due), "schedule " + rule.name(), () -> {
            if (rule.enabled()) {
                deliver(rule, AwsEventDocuments.scheduled(sim.account(), ids.uuid(), due, rule.arn()));
            }
            scheduleFire(rule, due.plus(rule.schedulePeriod()));
        });
    }

    private void deliver(EventRule rule, JsonNode event) {
        List<RuleTarget> targets = rule.targets();
        if (targets.isEmpty()) {
            sim.log().record("events.undelivered", rule.name(), "reason", "the rule has no targets",
                    "detail-type", event.path("detail-type").asText());
            return;
        }
        for (RuleTarget target : targets) {
            Optional<SqsQueue> queue = sqs.queueByArn(target.arn());
            if (queue.isEmpty()) {
                sim.log().record("events.failed", rule.name(), "target", target.id(), "reason",
                        "no SQS queue with ARN " + target.arn());
                continue;
            }
            String body = target.inputTransformer() == null ? event.toString() : target.inputTransformer().apply(event);
            try {
                SendResult sent = sqs.send(queue.get().name(), body, target.sqsMessageGroupId(), null, SENDER);
                sim.log().record("events.delivered", rule.name(), "target", target.id(), "queue", queue.get().name(),
                        "messageId", sent.messageId(), "duplicate", String.valueOf(sent.duplicate()));
            } catch (IllegalArgumentException e) {
                sim.log().record("events.failed", rule.name(), "target", target.id(), "reason", e.getMessage());
            }
        }
    }

    private EventRule require(String name) {
        EventRule rule = rules.get(name);
        if (rule == null) {
            throw new NoSuchElementException("the twin has no EventBridge rule named " + name + "; it has " + rules.keySet());
        }
        return rule;
    }
}
