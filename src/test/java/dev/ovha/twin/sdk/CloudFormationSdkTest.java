package dev.ovha.twin.sdk;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudFormationSdkTest extends TwinSdkTestBase {

    @Test
    void describeStacksGivesParametersOutputsAndStatus() {
        Stack stack = aws.cloudFormation().describeStacks(r -> r.stackName(stack())).stacks().get(0);
        assertThat(stack.stackStatus()).isEqualTo(StackStatus.CREATE_COMPLETE);
        Map<String, String> params = stack.parameters().stream()
                .collect(Collectors.toMap(Parameter::parameterKey, Parameter::parameterValue));
        assertThat(params).containsEntry("OpenViduSecret", "****").containsEntry("DesiredMasterNodes", "2")
                .containsKeys("DomainName", "OpenViduSubnets", "ElasticsearchUrl", "ScaleUpMediaNodesAvgCpu");
        assertThat(stack.outputs()).extracting(Output::outputKey).contains("LoadBalancerUrl");
        assertThat(stack.creationTime()).isNotNull();
    }

    @Test
    void theStackIsFoundByItsIdAndListedWithoutAName() {
        String id = aws.cloudFormation().describeStacks(r -> r.stackName(stack())).stacks().get(0).stackId();
        assertThat(aws.cloudFormation().describeStacks(r -> r.stackName(id)).stacks()).hasSize(1);
        assertThat(aws.cloudFormation().describeStacksPaginator(r -> { }).stacks()).extracting(Stack::stackName)
                .containsExactly(stack());
    }

    @Test
    void resourcesAreTheSameThroughDescribeAndThroughThePaginatedList() {
        List<StackResource> described = aws.cloudFormation().describeStackResources(r -> r.stackName(stack())).stackResources();
        List<StackResourceSummary> listed = aws.cloudFormation().listStackResourcesPaginator(r -> r.stackName(stack()))
                .stackResourceSummaries().stream().toList();
        assertThat(listed).hasSize(described.size()).hasSizeGreaterThan(30);
        assertThat(listed).extracting(StackResourceSummary::physicalResourceId)
                .containsExactlyElementsOf(described.stream().map(StackResource::physicalResourceId).toList());
        assertThat(described).filteredOn(r -> r.logicalResourceId().equals("OpenViduProMasterNodeAutoScalingGroup"))
                .extracting(StackResource::physicalResourceId).containsExactly(masterGroup());
    }

    @Test
    void anUnknownStackIsAValidationError() {
        assertThatThrownBy(() -> aws.cloudFormation().describeStacks(r -> r.stackName("nope")))
                .isInstanceOfSatisfying(CloudFormationException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Stack with id nope does not exist");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }
}
