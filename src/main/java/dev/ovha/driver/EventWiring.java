package dev.ovha.driver;

import dev.ovha.aws.AwsClients;
import dev.ovha.report.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * How AWS events reach the masters: the stack's EventBridge rules (Auto Scaling lifecycle events of the
 * media group, and the one-minute schedule) and the FIFO queue they feed ({@code openvidu-ha.md} §3.5).
 */
public final class EventWiring {
    private final AwsClients aws;
    private final Evidence evidence;

    public EventWiring(AwsClients aws, Evidence evidence) {
        this.aws = aws;
        this.evidence = evidence;
    }

    /** The rule on the default bus with its targets, or empty when EventBridge knows no such rule. */
    public Optional<EventRuleView> rule(String name) {
        DescribeRuleResponse rule;
        try {
            rule = aws.eventBridge().describeRule(r -> r.name(name));
        } catch (ResourceNotFoundException e) {
            evidence.aws("DescribeRule", name, "no such rule on the default event bus");
            return Optional.empty();
        }
        EventRuleView view = new EventRuleView(rule.name(), rule.arn(), rule.stateAsString(),
                Optional.ofNullable(rule.scheduleExpression()).filter(s -> !s.isBlank()),
                Optional.ofNullable(rule.eventPattern()).filter(s -> !s.isBlank()), targets(name));
        evidence.aws("DescribeRule+ListTargetsByRule", name, view);
        return Optional.of(view);
    }

    /** EventBridge has no paginator for ListTargetsByRule in this SDK: follow NextToken by hand. */
    private List<EventRuleView.RuleTargetView> targets(String rule) {
        List<EventRuleView.RuleTargetView> targets = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListTargetsByRuleResponse page = aws.eventBridge().listTargetsByRule(r -> r.rule(rule).nextToken(next));
            for (Target t : page.targets()) {
                targets.add(new EventRuleView.RuleTargetView(t.id(), t.arn(),
                        Optional.ofNullable(t.sqsParameters()).map(p -> p.messageGroupId()).filter(g -> !g.isBlank()),
                        t.inputTransformer() != null));
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return targets;
    }

    /** The queue's attributes; a queue the stack lists but SQS does not know fails the check. */
    public QueueView queue(String url) {
        QueueView view;
        try {
            view = new QueueView(url, new java.util.TreeMap<>(aws.sqs().getQueueAttributes(r -> r.queueUrl(url)
                    .attributeNames(QueueAttributeName.ALL)).attributesAsStrings()));
        } catch (QueueDoesNotExistException e) {
            throw new AssertionError("The stack's queue " + url + " does not exist, although the stack lists it: it was"
                    + " deleted outside CloudFormation, so no AWS event reaches the masters. Update the stack to recreate it.");
        }
        evidence.aws("GetQueueAttributes", url, view);
        return view;
    }
}
