package dev.ovha.twin.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovha.twin.sim.Fault;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventBridgeSdkTest extends TwinSdkTestBase {

    @Test
    void theStacksRulesPageByPageLikeACallerMustLoop() throws Exception {
        List<Rule> rules = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListRulesResponse page = aws.eventBridge().listRules(r -> r.limit(1).nextToken(next));
            rules.addAll(page.rules());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(2);
        assertThat(rules).extracting(Rule::name).containsExactly(stack() + "-asg-lifecycle-rule", stack() + "-asg-rule");
        assertThat(rules).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(RuleState.ENABLED);
            assertThat(r.eventBusName()).isEqualTo("default");
            assertThat(r.arn()).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/" + r.name());
        });
        JsonNode pattern = new ObjectMapper().readTree(rules.get(0).eventPattern());
        assertThat(pattern.at("/source/0").asText()).isEqualTo("aws.autoscaling");
        assertThat(pattern.at("/detail/AutoScalingGroupName/0").asText()).isEqualTo(mediaGroup());
        assertThat(pattern.at("/detail/LifecycleTransition").size()).isEqualTo(2);
        assertThat(rules.get(1).scheduleExpression()).isEqualTo("rate(1 minute)");
    }

    @Test
    void describeRuleAndItsAbsence() {
        DescribeRuleResponse schedule = aws.eventBridge().describeRule(r -> r.name(stack() + "-asg-rule"));
        assertThat(schedule.description()).isEqualTo("Executes periodically lambda which sends information about the OpenVidu Pro Cluster");
        assertThat(schedule.createdBy()).isEqualTo("123456789012");
        assertThat(schedule.eventPattern()).isNull();
        assertThatThrownBy(() -> aws.eventBridge().describeRule(r -> r.name("nope")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rule nope does not exist on EventBus default.");
                });
    }

    @Test
    void bothRulesTargetTheQueueThroughAnInputTransformer() {
        Target lifecycle = aws.eventBridge().listTargetsByRule(r -> r.rule(stack() + "-asg-lifecycle-rule")).targets().get(0);
        assertThat(lifecycle.id()).isEqualTo("AsgLifecycleMediaNodes");
        assertThat(lifecycle.arn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:" + stack() + "-SQS.fifo");
        assertThat(lifecycle.sqsParameters().messageGroupId()).isEqualTo("sqs-notification");
        assertThat(lifecycle.inputTransformer().inputPathsMap())
                .containsEntry("source", "$.source")
                .containsEntry("lifecycle-transition", "$.detail.LifecycleTransition")
                .containsEntry("ec2-instance", "$.detail.EC2InstanceId")
                .containsEntry("autoscaling-groupname", "$.detail.AutoScalingGroupName");
        Target schedule = aws.eventBridge().listTargetsByRule(r -> r.rule(stack() + "-asg-rule")).targets().get(0);
        assertThat(schedule.id()).isEqualTo("AsgSchedule");
        assertThat(schedule.inputTransformer().inputPathsMap()).containsOnlyKeys("time");
    }

    @Test
    void withEventsNotDeliveredTheRulesHaveNoTargetsUntilTheFaultClears() {
        twin.inject(Fault.EVENTS_NOT_DELIVERED);
        assertThat(aws.eventBridge().listTargetsByRule(r -> r.rule(stack() + "-asg-rule")).targets()).isEmpty();
        assertThat(aws.eventBridge().describeRule(r -> r.name(stack() + "-asg-rule")).state()).isEqualTo(RuleState.ENABLED);
        twin.clear(Fault.EVENTS_NOT_DELIVERED);
        assertThat(aws.eventBridge().listTargetsByRule(r -> r.rule(stack() + "-asg-rule")).targets())
                .extracting(Target::id).containsExactly("AsgSchedule");
    }

    @Test
    void cloudFormationNamesTheSameRules() {
        List<StackResource> resources = aws.cloudFormation().describeStackResources(r -> r.stackName(stack())).stackResources();
        List<String> rules = aws.eventBridge().listRules(r -> r.limit(10)).rules().stream().map(Rule::name).toList();
        assertThat(List.of(SqsSdkTest.physicalId(resources, "LifeCycleMediaNodesRule"),
                SqsSdkTest.physicalId(resources, "AutoscalingScheduleRule"))).isEqualTo(rules);
    }

    @Test
    void anOperationTheTwinDoesNotEmulateIsA400NamingIt() {
        assertThatThrownBy(() -> aws.eventBridge().disableRule(r -> r.name(stack() + "-asg-rule")))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("DisableRule", "EventBridge");
                });
    }
}
