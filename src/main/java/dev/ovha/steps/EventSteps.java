package dev.ovha.steps;

import dev.ovha.driver.EventRuleView;
import dev.ovha.driver.LogWatch;
import dev.ovha.driver.Master;
import dev.ovha.driver.QueueActivity;
import dev.ovha.driver.QueueView;
import dev.ovha.rules.EventRules;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.Optional;

public final class EventSteps {
    /** Minutes of queue traffic judged: the schedule rule alone sends a message in each. */
    private static final int MINUTES = 3;
    /** The replication-manager's compose service, whose log shows every notification it consumes. */
    private static final String REPLICATION_MANAGER = "replication-manager";

    private final StackUnderTest world;
    private Optional<EventRuleView> lifecycleRule;
    private Optional<EventRuleView> scheduleRule;
    private QueueView queue;
    private LogWatch watch;
    private QueueActivity activity;

    public EventSteps(StackUnderTest world) {
        this.world = world;
    }

    @When("the stack's event rules are read")
    public void readRules() {
        lifecycleRule = world.stack().lifecycleRuleName().flatMap(world.eventWiring()::rule);
        scheduleRule = world.stack().scheduleRuleName().flatMap(world.eventWiring()::rule);
        queue = world.eventWiring().queue(queueUrl());
    }

    @Then("both rules are enabled and deliver to the stack's FIFO queue")
    public void rulesFeedTheQueue() {
        Verdicts.assertNoDefects(EventRules.rulesFeedTheQueue(world.stack(), lifecycleRule, scheduleRule, queue));
    }

    @When("the stack's queue is read")
    public void readQueue() {
        queue = world.eventWiring().queue(queueUrl());
    }

    @Then("it is a FIFO queue with content-based deduplication, the template's retention and visibility timeout, open to EventBridge")
    public void queueAsTemplate() {
        Verdicts.assertNoDefects(EventRules.queueAsTemplate(queue));
    }

    /** Two periods of the schedule rule (one minute in the template): one notification must fall within them. */
    @When("the masters' replication-manager logs are watched for schedule notifications")
    public void watchLogs() {
        Duration period = world.stack().scheduleRuleName().flatMap(world.eventWiring()::rule)
                .flatMap(EventRuleView::schedulePeriod).orElse(Duration.ofMinutes(1));
        world.evidence().note("Each search looks " + period.multipliedBy(2).toSeconds() + " s back (two periods of the"
                + " schedule rule); searches repeat until a master has the line or the masters' clocks moved on as long.");
        watch = world.nodeLogs().watch(world.fleet().serving().stream().map(Master::instanceId).toList(),
                REPLICATION_MANAGER, EventRules.SCHEDULE_SOURCE, period.multipliedBy(2));
    }

    /** Logs SSM cannot reach skip the check; the queue's CloudWatch counts then stand as the evidence there is. */
    @Then("some master logged a schedule notification within two schedule periods")
    public void notificationLogged() {
        if (watch.unreadable()) {
            QueueActivity fallback = world.queueMetrics().recent(queueName(), MINUTES);
            world.evidence().note("Fallback evidence from CloudWatch: " + fallback.summary() + ".");
            Verdicts.skipUnless(false, "the masters are not managed by SSM (their role lacks"
                    + " AmazonSSMManagedInstanceCore), so their logs cannot be read: " + watch.notManaged()
                    + ". CloudWatch shows for " + queueName() + ": " + fallback.summary());
        }
        watch.found().ifPresent(s -> world.evidence().note("Found on " + s.instanceId() + ": " + s.lines()
                .get(s.lines().size() - 1)));
        Verdicts.assertNoDefects(EventRules.scheduleNotificationLogged(watch,
                world.stack().scheduleRuleName().orElse("AutoscalingScheduleRule"), queueName()));
    }

    @When("the queue's recent traffic is read from CloudWatch")
    public void readActivity() {
        activity = world.queueMetrics().recent(queueName(), MINUTES);
    }

    @Then("messages reach the queue and the masters delete them")
    public void consumed() {
        Verdicts.assertNoDefects(EventRules.eventsConsumed(activity));
    }

    private String queueUrl() {
        return world.stack().queueUrl().orElseThrow(() -> new AssertionError("Stack " + world.stack().name()
                + " has no SQSQueue resource: it was not deployed with the OpenVidu Enterprise HA template."));
    }

    private String queueName() {
        String url = queueUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
