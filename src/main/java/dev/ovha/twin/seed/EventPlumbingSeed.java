package dev.ovha.twin.seed;

import dev.ovha.twin.sim.Account;
import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.sim.Sim;
import dev.ovha.twin.state.ScalingPolicy;
import dev.ovha.twin.state.Stack;
import dev.ovha.twin.state.StackTopology;
import dev.ovha.twin.state.World;
import dev.ovha.twin.state.cloudwatch.CloudWatchState;
import dev.ovha.twin.state.cloudwatch.ComparisonOperator;
import dev.ovha.twin.state.cloudwatch.MetricAlarm;
import dev.ovha.twin.state.cloudwatch.Statistic;
import dev.ovha.twin.state.events.EventPattern;
import dev.ovha.twin.state.events.EventRule;
import dev.ovha.twin.state.events.EventsState;
import dev.ovha.twin.state.events.InputTransformer;
import dev.ovha.twin.state.events.RuleTarget;
import dev.ovha.twin.state.sqs.QueueSettings;
import dev.ovha.twin.state.sqs.SqsQueue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's event plumbing as the vendor's template declares it (openvidu-ha.md §3.5, §3.6): the
 * FIFO queue {@code <stack>-SQS.fifo} with its policy, the lifecycle rule and the one-minute schedule
 * rule targeting it through input transformers, and the two media CPU alarms of the scaling policies.
 * Runs after the rest of the stack exists; starts the minute clock of CloudWatch.
 */
final class EventPlumbingSeed {

    /** Both targets put every message into this one group, so delivery is strictly ordered. */
    static final String MESSAGE_GROUP = "sqs-notification";

    private final Sim sim;
    private final Account account;
    private final World world;
    private final StackTopology topology;
    private final Stack stack;

    EventPlumbingSeed(Sim sim, World world, Stack stack) {
        this.sim = sim;
        this.account = sim.account();
        this.world = world;
        this.topology = world.topology();
        this.stack = stack;
    }

    void build(Instant created) {
        // Fault queue-attributes-drift: SQS's own defaults for retention (4 days) and a shorter visibility.
        boolean drift = sim.has(Fault.QUEUE_ATTRIBUTES_DRIFT);
        SqsQueue queue = world.sqs().create(topology.queueName(), new QueueSettings(true, true,
                drift ? Duration.ofDays(4) : Duration.ofSeconds(60), Duration.ofSeconds(drift ? 30 : 50), Duration.ZERO,
                262_144, Duration.ZERO, queuePolicy(account.arn("sqs", topology.queueName()))), created);
        world.events().add(lifecycleRule(queue));
        world.events().add(scheduleRule(queue));
        world.mediaGroup().policies().forEach(p -> world.cloudWatch().addAlarm(alarm(p, created)));
        world.cloudWatch().start();
    }

    private EventRule lifecycleRule(SqsQueue queue) {
        String name = topology.lifecycleRuleName();
        String pattern = "{\"source\":[\"aws.autoscaling\"],\"detail\":{\"LifecycleTransition\":"
                + "[\"autoscaling:EC2_INSTANCE_LAUNCHING\",\"autoscaling:EC2_INSTANCE_TERMINATING\"],"
                + "\"AutoScalingGroupName\":[\"" + topology.mediaGroupName() + "\"]}}";
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("source", "$.source");
        paths.put("lifecycle-transition", "$.detail.LifecycleTransition");
        paths.put("ec2-instance", "$.detail.EC2InstanceId");
        paths.put("autoscaling-groupname", "$.detail.AutoScalingGroupName");
        String template = "{\"source\":<source>,\"detail\":{\"LifecycleTransition\":<lifecycle-transition>,"
                + "\"AutoScalingGroupName\":<autoscaling-groupname>,\"EC2InstanceId\":<ec2-instance>},\"role\":\"MediaNode\"}";
        RuleTarget target = new RuleTarget("AsgLifecycleMediaNodes", queue.arn(), new InputTransformer(paths, template),
                MESSAGE_GROUP);
        return new EventRule(name, ruleArn(name), EventsState.DEFAULT_BUS, null, EventPattern.parse(pattern), null, true,
                account.id(), List.of(target));
    }

    private EventRule scheduleRule(SqsQueue queue) {
        String name = topology.scheduleRuleName();
        String template = "{\"source\":\"custom.autoscaling_schedule\",\"detail\":{\"time\":<time>}}";
        RuleTarget target = new RuleTarget("AsgSchedule", queue.arn(),
                new InputTransformer(Map.of("time", "$.time"), template), MESSAGE_GROUP);
        return new EventRule(name, ruleArn(name), EventsState.DEFAULT_BUS,
                "Executes periodically lambda which sends information about the OpenVidu Pro Cluster", null,
                "rate(1 minute)", true, account.id(), List.of(target));
    }

    /** The template's MediaNodeCPUAlarmHigh/Low, named after the policy that lists them. */
    private MetricAlarm alarm(ScalingPolicy policy, Instant created) {
        boolean up = policy.scalingAdjustment() > 0;
        ScalingPolicy.Alarm alarm = policy.alarms().get(0);
        double threshold = up && sim.has(Fault.ALARM_THRESHOLD_DRIFT) ? 90
                : Double.parseDouble(stack.parameter(up ? "ScaleUpMediaNodesAvgCpu" : "ScaleDownMediaNodesAvgCpu").orElseThrow());
        return new MetricAlarm(alarm.name(), alarm.arn(),
                up ? "Scale-up if CPU > 80% for 10 seconds" : "Scale-down if CPU < 30% for 10 seconds",
                CloudWatchState.EC2, CloudWatchState.CPU, Map.of("AutoScalingGroupName", topology.mediaGroupName()),
                Statistic.AVERAGE, 60, 1, threshold,
                up ? ComparisonOperator.GREATER_THAN : ComparisonOperator.LESS_THAN, List.of(policy.arn()), created);
    }

    private String ruleArn(String name) {
        return account.arn("events", "rule/" + name);
    }

    /** The template's SQSPolicy as SQS reports it back (single-element lists collapsed) [I: exact normalisation]. */
    private static String queuePolicy(String queueArn) {
        return "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"events.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn + "\"}]}";
    }
}
