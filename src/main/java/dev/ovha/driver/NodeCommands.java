package dev.ovha.driver;

import dev.ovha.aws.AwsClients;
import dev.ovha.config.Timeouts;
import dev.ovha.eventually.Eventually;
import dev.ovha.report.Evidence;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ssm.model.CommandInvocationStatus;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;

/**
 * Shell commands on the stack's instances through SSM Run Command ({@code AWS-RunShellScript}): the only way
 * in, since the template opens no SSH port. An invocation is invisible for a moment after SendCommand
 * (SSM's InvocationDoesNotExist), so the wait treats that as "not yet".
 */
public final class NodeCommands {
    private static final Set<CommandInvocationStatus> FINAL = Set.of(CommandInvocationStatus.SUCCESS,
            CommandInvocationStatus.FAILED, CommandInvocationStatus.TIMED_OUT, CommandInvocationStatus.CANCELLED);

    private final AwsClients aws;
    private final Evidence evidence;
    private final Timeouts timeouts;

    public NodeCommands(AwsClients aws, Evidence evidence, Timeouts timeouts) {
        this.aws = aws;
        this.evidence = evidence;
        this.timeouts = timeouts;
    }

    /**
     * Runs {@code command} on {@code instanceId} and waits for its end.
     *
     * @return empty when SSM cannot reach the instance (no SSM agent or role: InvalidInstanceId)
     */
    public Optional<ShellOutput> run(String instanceId, String purpose, String command) {
        String commandId;
        try {
            commandId = aws.ssm().sendCommand(r -> r.documentName("AWS-RunShellScript").instanceIds(instanceId)
                    .comment("ovha: " + purpose).parameters(Map.of("commands", List.of(command))))
                    .command().commandId();
        } catch (InvalidInstanceIdException e) {
            evidence.aws("SendCommand", instanceId, "InvalidInstanceId: SSM cannot reach the instance");
            return Optional.empty();
        }
        Optional<GetCommandInvocationResponse> done = Eventually.that("SSM command '" + purpose + "' on " + instanceId
                        + " finished", timeouts)
                .observing(() -> invocation(commandId, instanceId))
                .describedBy(seen -> seen.map(i -> i.statusAsString()).orElse("not visible yet"))
                .until(seen -> seen.isPresent() && FINAL.contains(seen.get().status()));
        GetCommandInvocationResponse invocation = done.orElseThrow();
        ShellOutput output = new ShellOutput(instanceId, invocation.statusAsString(),
                invocation.responseCode() == null ? -1 : invocation.responseCode(),
                invocation.standardOutputContent() == null ? "" : invocation.standardOutputContent());
        evidence.aws("SendCommand+GetCommandInvocation", instanceId + ": " + purpose,
                output.status() + " exit " + output.exitCode());
        return Optional.of(output);
    }

    private Optional<GetCommandInvocationResponse> invocation(String commandId, String instanceId) {
        try {
            return Optional.of(aws.ssm().getCommandInvocation(r -> r.commandId(commandId).instanceId(instanceId)));
        } catch (InvocationDoesNotExistException e) {
            return Optional.empty();
        }
    }
}
