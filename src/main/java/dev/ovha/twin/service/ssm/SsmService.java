package dev.ovha.twin.service.ssm;

import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.AwsInput;
import dev.ovha.twin.protocol.JsonCodec;
import dev.ovha.twin.protocol.JsonInput;
import dev.ovha.twin.protocol.Page;
import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.service.JsonService;
import dev.ovha.twin.state.SsmCommand;
import dev.ovha.twin.state.SsmInvocation;
import dev.ovha.twin.state.World;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SSM Run Command (AWS JSON 1.1, {@code AmazonSSM.*}): SendCommand with {@code AWS-RunShellScript},
 * GetCommandInvocation and ListCommandInvocations — what the harness uses to read the masters' logs.
 */
public final class SsmService extends JsonService {

    private static final JsonCodec CODEC = JsonCodec.of("1.1");
    private static final String RUN_SHELL = "AWS-RunShellScript";

    private final int pageSize;

    public SsmService(int pageSize) {
        super("ssm", "AmazonSSM", "SSM", CODEC);
        this.pageSize = pageSize;
        operation("SendCommand", this::sendCommand);
        operation("GetCommandInvocation", this::getCommandInvocation);
        operation("ListCommandInvocations", this::listCommandInvocations);
    }

    private Struct sendCommand(AwsInput in, World world) {
        String document = in.required("DocumentName");
        if (!document.equals(RUN_SHELL) && !document.endsWith("document/" + RUN_SHELL)) {
            throw AwsError.badRequest("InvalidDocument", "Document " + document + " does not exist in your account, "
                    + "or the twin does not run it (only " + RUN_SHELL + ")");
        }
        List<String> instances = new ArrayList<>(in.strings("InstanceIds"));
        for (AwsInput target : in.structs("Targets")) {
            if ("InstanceIds".equals(target.string("Key").orElse(""))) {
                instances.addAll(target.strings("Values"));
            }
        }
        if (instances.isEmpty()) {
            throw AwsError.badRequest("ValidationException", "Either InstanceIds or Targets must be specified");
        }
        for (String id : instances) {
            if (!world.ssm().isManaged(id)) {
                throw AwsError.badRequest("InvalidInstanceId", "Instances [[" + id + "]] not in a valid state for account "
                        + world.sim().account().id());
            }
        }
        Map<String, List<String>> parameters = ((JsonInput) in).stringListMap("Parameters");
        if (parameters.getOrDefault("commands", List.of()).isEmpty()) {
            throw AwsError.badRequest("InvalidParameters", "Document " + RUN_SHELL + " requires the parameter commands");
        }
        int timeout = in.integer("TimeoutSeconds").orElse(3600);
        SsmCommand command = world.ssm().send(RUN_SHELL, instances, parameters, in.string("Comment").orElse(""), timeout);
        return Struct.of().put("Command", SsmShapes.command(command, world.sim().account().region()));
    }

    private Struct getCommandInvocation(AwsInput in, World world) {
        String commandId = in.required("CommandId");
        String instanceId = in.required("InstanceId");
        if (world.ssm().command(commandId).isEmpty()) {
            throw AwsError.badRequest("InvalidCommandId", "Command " + commandId + " was not found");
        }
        // Real SSM answers this for a short while after SendCommand; clients retry it.
        SsmInvocation invocation = world.ssm().invocation(commandId, instanceId)
                .orElseThrow(() -> AwsError.badRequest("InvocationDoesNotExist", ""));
        return SsmShapes.invocation(invocation);
    }

    private Struct listCommandInvocations(AwsInput in, World world) {
        Optional<String> commandId = in.string("CommandId");
        Optional<String> instanceId = in.string("InstanceId");
        boolean details = in.bool("Details").orElse(false);
        List<SsmInvocation> matching = world.ssm().visible().stream()
                .filter(i -> commandId.isEmpty() || i.command().id().equals(commandId.get()))
                .filter(i -> instanceId.isEmpty() || i.instanceId().equals(instanceId.get()))
                .toList();
        Page<SsmInvocation> page = Page.of(matching, in.string("NextToken"), in.integer("MaxResults"), pageSize,
                token -> AwsError.badRequest("InvalidNextToken", "The specified token is not valid."));
        return Struct.of()
                .put("CommandInvocations", page.items().stream().map(i -> SsmShapes.listed(i, details)).toList())
                .put("NextToken", page.nextToken());
    }
}
