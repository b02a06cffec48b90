package dev.ovha.driver;

import dev.ovha.aws.AwsClients;
import dev.ovha.report.Evidence;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;

/** Finds a stack by name in CloudFormation: its status, parameters, outputs and resources. */
public final class StackDriver {
    private final AwsClients aws;
    private final Evidence evidence;

    public StackDriver(AwsClients aws, Evidence evidence) {
        this.aws = aws;
        this.evidence = evidence;
    }

    /**
     * @throws StackNotFound when CloudFormation knows no stack of that name in the region
     */
    public Stack discover(String stackName) {
        software.amazon.awssdk.services.cloudformation.model.Stack described;
        try {
            described = aws.cloudFormation().describeStacksPaginator(r -> r.stackName(stackName)).stacks().stream()
                    .findFirst().orElseThrow(() -> new StackNotFound(stackName, aws.target().region().id()));
        } catch (CloudFormationException e) {
            if (e.awsErrorDetails() != null && "ValidationError".equals(e.awsErrorDetails().errorCode())
                    && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
                throw new StackNotFound(stackName, aws.target().region().id());
            }
            throw e;
        }
        TreeMap<String, String> parameters = new TreeMap<>();
        for (Parameter p : described.parameters()) {
            parameters.put(p.parameterKey(), p.parameterValue() == null ? "" : p.parameterValue());
        }
        TreeMap<String, String> outputs = new TreeMap<>();
        for (Output o : described.outputs()) {
            outputs.put(o.outputKey(), o.outputValue());
        }
        TreeMap<String, Stack.StackResource> resources = new TreeMap<>();
        for (StackResourceSummary r : aws.cloudFormation().listStackResourcesPaginator(q -> q.stackName(stackName))
                .stackResourceSummaries()) {
            resources.put(r.logicalResourceId(), new Stack.StackResource(r.logicalResourceId(),
                    r.physicalResourceId() == null ? "" : r.physicalResourceId(), r.resourceType(),
                    r.resourceStatusAsString()));
        }
        Stack stack = new Stack(described.stackName(), described.stackId(), described.stackStatusAsString(),
                Optional.ofNullable(described.stackStatusReason()), parameters, outputs, resources);
        evidence.aws("DescribeStacks+ListStackResources", stackName, stack);
        return stack;
    }
}
