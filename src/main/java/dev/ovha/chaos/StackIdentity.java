package dev.ovha.chaos;

import dev.ovha.aws.AwsClients;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;

/** Which stack a name stands for now, as CloudFormation says: its id, or that no stack has the name. */
final class StackIdentity {
    private StackIdentity() {
    }

    /**
     * @return the stack's id; an empty inner value when CloudFormation says no stack has the name; empty when it
     *         could not tell (throttled, no permission, no network)
     */
    static Optional<Optional<String>> of(AwsClients aws, String stack) {
        try {
            return Optional.of(aws.cloudFormation().describeStacks(r -> r.stackName(stack)).stacks().stream()
                    .findFirst().map(s -> s.stackId()));
        } catch (CloudFormationException e) {
            boolean missing = e.awsErrorDetails() != null && "ValidationError".equals(e.awsErrorDetails().errorCode())
                    && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist");
            return missing ? Optional.of(Optional.empty()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
