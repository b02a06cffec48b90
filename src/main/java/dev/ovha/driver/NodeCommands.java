package dev.ovha.driver;

import dev.ovha.aws.AwsClients;
import dev.ovha.config.Timeouts;
import dev.ovha.eventually.Eventually;
import dev.ovha.report.Evidence;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;

/**
 * Shell commands on the stack's instances through SSM Run Command ({@code AWS-RunShellScript}): the only way
 * in, since the template opens no SSH port. An invocation is invisible for a moment after SendCommand
 * (SSM's InvocationDoesNotExist), so the wait treats that as "not yet". An instance SSM refuses (no agent, or
 * a role without AmazonSSMManagedInstanceCore) is reported as such, not as a failed command.
 */
public final class NodeCommands {
    private static final String DOCUMENT = "AWS-RunShellScript";
    private static final List<String> FINISHED = List.of("Success", "Failed", "Cancelled", "TimedOut");

    private final AwsClients aws;
    private final Evidence evidence;
    private final Timeouts timeouts;

    public NodeCommands(AwsClients aws, Evidence evidence, Timeouts timeouts) {
        this.aws = aws;
        this.evidence = evidence;
        this.timeouts = timeouts;
    }

    /** Runs {@code command} on {@code instanceId} and waits for its end; {@code purpose} is SSM's comment. */
    public ShellOutput run(String instanceId, String purpose, String command) {
        String commandId;
        try {
            commandId = aws.ssm().sendCommand(r -> r.instanceIds(instanceId).documentName(DOCUMENT)
                    .comment("ovha: " + purpose).timeoutSeconds(60)
                    .parameters(Map.of("commands", List.of(command)))).command().commandId();
        } catch (InvalidInstanceIdException e) {
            ShellOutput refused = ShellOutput.notManaged(instanceId, "SSM: " + e.awsErrorDetails().errorMessage());
            evidence.aws("SendCommand", instanceId + ": " + purpose, refused.stderr());
            return refused;
        }
        GetCommandInvocationResponse done = Eventually.that("SSM command " + commandId + " (" + purpose + ") on "
                        + instanceId + " finished", timeouts)
                .observing(() -> invocation(commandId, instanceId))
                .describedBy(i -> i.map(r -> r.statusAsString()).orElse("not visible yet"))
                .until(i -> i.isPresent() && FINISHED.contains(i.get().statusAsString()))
                .orElseThrow();
        ShellOutput output = new ShellOutput(instanceId, done.statusAsString(),
                done.responseCode() == null ? -1 : done.responseCode(),
                done.standardOutputContent() == null ? "" : done.standardOutputContent(),
                done.standardErrorContent() == null ? "" : done.standardErrorContent().strip(),
                instant(done.executionStartDateTime()));
        evidence.aws("SendCommand+GetCommandInvocation", instanceId + ": " + purpose,
                output.status() + ", exit code " + output.exitCode());
        return output;
    }

    private Optional<GetCommandInvocationResponse> invocation(String commandId, String instanceId) {
        try {
            return Optional.of(aws.ssm().getCommandInvocation(r -> r.commandId(commandId).instanceId(instanceId)));
        } catch (InvocationDoesNotExistException e) {
            return Optional.empty(); // SSM shows an invocation a moment after SendCommand
        }
    }

    /** SSM gives execution times as text (ISO-8601 with a zone). */
    private static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
