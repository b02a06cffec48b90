package dev.ovha.chaos;

import dev.ovha.aws.AwsClients;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * What the guard rails need to know about the stack under test, as CloudFormation reports it (not as the
 * configuration claims it): its name, its id and its tags.
 *
 * @param name the stack's name
 * @param id   the stack's id (its ARN): a stack deleted and created again under the same name has another one
 * @param tags the stack's tags, in CloudFormation's order
 */
public record StackFacts(String name, String id, Map<String, String> tags) {

    public StackFacts {
        tags = Map.copyOf(tags);
    }

    /** Reads the stack from CloudFormation; a missing stack is the SDK's ValidationError (broken, not skipped). */
    public static StackFacts discover(AwsClients aws, String stack) {
        Stack found = aws.cloudFormation().describeStacks(r -> r.stackName(stack)).stacks().get(0);
        Map<String, String> tags = new LinkedHashMap<>();
        found.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
        return new StackFacts(found.stackName(), found.stackId(), tags);
    }
}
