package dev.ovha.twin.service.cloudformation;

import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.AwsInput;
import dev.ovha.twin.protocol.FormInput;
import dev.ovha.twin.protocol.Page;
import dev.ovha.twin.protocol.ProtocolCodec;
import dev.ovha.twin.protocol.QueryCodec;
import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.service.FormService;
import dev.ovha.twin.state.Stack;
import dev.ovha.twin.state.StackResource;
import dev.ovha.twin.state.World;

import java.util.List;
import java.util.Optional;

/** CloudFormation, read-only: stacks and their resources. */
public final class CloudFormationService extends FormService {

    private static final ProtocolCodec CODEC = new QueryCodec("http://cloudformation.amazonaws.com/doc/2010-05-15/");
    /** DescribeStackResources is not paginated and answers at most 100 resources. */
    private static final int DESCRIBE_RESOURCES_LIMIT = 100;

    private final int pageSize;

    public CloudFormationService(int pageSize) {
        super("cloudformation", "2010-05-15", "CloudFormation", CODEC, FormInput.ListStyle.QUERY);
        this.pageSize = pageSize;
        operation("DescribeStacks", this::describeStacks);
        operation("DescribeStackResources", this::describeStackResources);
        operation("ListStackResources", this::listStackResources);
    }

    private Struct describeStacks(AwsInput in, World world) {
        Optional<String> name = in.string("StackName").filter(s -> !s.isEmpty());
        List<Stack> stacks = name.map(n -> List.of(stack(world, n))).orElse(world.cloudFormation().stacks());
        Page<Stack> page = Page.of(stacks, in.string("NextToken"), Optional.empty(), pageSize, CloudFormationService::badToken);
        return Struct.of()
                .put("Stacks", page.items().stream().map(CloudFormationShapes::stack).toList())
                .put("NextToken", page.nextToken());
    }

    private Struct describeStackResources(AwsInput in, World world) {
        Optional<String> name = in.string("StackName").filter(s -> !s.isEmpty());
        Optional<String> physicalId = in.string("PhysicalResourceId").filter(s -> !s.isEmpty());
        Optional<String> logicalId = in.string("LogicalResourceId").filter(s -> !s.isEmpty());
        Stack stack;
        if (name.isPresent()) {
            stack = stack(world, name.get());
        } else if (physicalId.isPresent()) {
            stack = world.cloudFormation().ownerOf(physicalId.get()).orElseThrow(() -> AwsError.validation(
                    "Stack for " + physicalId.get() + " does not exist"));
        } else {
            throw AwsError.validation("Either StackName or PhysicalResourceId must be specified.");
        }
        List<StackResource> resources = stack.resources().stream()
                .filter(r -> logicalId.isEmpty() || r.logicalId().equals(logicalId.get()))
                .filter(r -> name.isPresent() || physicalId.isEmpty() || r.physicalId().equals(physicalId.get()))
                .limit(DESCRIBE_RESOURCES_LIMIT)
                .toList();
        return Struct.of().put("StackResources", resources.stream().map(r -> CloudFormationShapes.resource(r, stack)).toList());
    }

    private Struct listStackResources(AwsInput in, World world) {
        Stack stack = stack(world, in.required("StackName"));
        Page<StackResource> page = Page.of(stack.resources(), in.string("NextToken"), Optional.empty(), pageSize,
                CloudFormationService::badToken);
        return Struct.of()
                .put("StackResourceSummaries", page.items().stream().map(CloudFormationShapes::summary).toList())
                .put("NextToken", page.nextToken());
    }

    private static Stack stack(World world, String nameOrId) {
        return world.cloudFormation().find(nameOrId).orElseThrow(() ->
                AwsError.validation("Stack with id " + nameOrId + " does not exist"));
    }

    private static AwsError badToken(String token) {
        return AwsError.validation("Invalid NextToken: " + token);
    }
}
