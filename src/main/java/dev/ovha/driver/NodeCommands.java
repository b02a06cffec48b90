package dev.ovha.driver;

import dev.ovha.aws.AwsClients;
import dev.ovha.config.Timeouts;
import dev.ovha.eventually.Eventually;
import dev.ovha.report.Evidence;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
        return runOnEach(List.of(instanceId), purpose, command).get(instanceId);
    }

    /**
     * Runs {@code command} on every one of {@code instanceIds} at the same moment and waits for all of them in one
     * wait: a look at several instances costs one SSM round trip, not one per instance, and what each of them
     * shows is taken at the same time (a periodic log line that went to any one of them is in the same window).
     * One command per instance, so that SSM refusing one instance does not hide the others' answers.
     */
    public Map<String, ShellOutput> runOnEach(List<String> instanceIds, String purpose, String command) {
        Map<String, ShellOutput> outputs = new LinkedHashMap<>();
        Map<String, String> pending = new LinkedHashMap<>(); // instance -> command id
        for (String instanceId : instanceIds) {
            try {
                pending.put(instanceId, aws.ssm().sendCommand(r -> r.instanceIds(instanceId).documentName(DOCUMENT)
                        .comment("ovha: " + purpose).timeoutSeconds(60)
                        .parameters(Map.of("commands", List.of(command)))).command().commandId());
            } catch (InvalidInstanceIdException e) {
                ShellOutput refused = ShellOutput.notManaged(instanceId, "SSM: " + e.awsErrorDetails().errorMessage());
                evidence.aws("SendCommand", instanceId + ": " + purpose, refused.stderr());
                outputs.put(instanceId, refused);
            }
        }
        Map<String, GetCommandInvocationResponse> finished = new LinkedHashMap<>();
        if (!pending.isEmpty()) {
            Eventually.that("SSM commands " + pending + " (" + purpose + ") finished", timeouts)
                    .observing(() -> {
                        pending.forEach((instanceId, commandId) -> {
                            if (!finished.containsKey(instanceId)) {
                                invocation(commandId, instanceId).filter(i -> FINISHED.contains(i.statusAsString()))
                                        .ifPresent(i -> finished.put(instanceId, i));
                            }
                        });
                        return pending.keySet().stream().collect(Collectors.toMap(id -> id,
                                id -> finished.containsKey(id) ? finished.get(id).statusAsString() : "not finished",
                                (a, b) -> a, TreeMap::new));
                    })
                    .until(statuses -> finished.size() == pending.size());
        }
        for (String instanceId : instanceIds) {
            GetCommandInvocationResponse done = finished.get(instanceId);
            if (done != null) {
                ShellOutput output = new ShellOutput(instanceId, done.statusAsString(),
                        done.responseCode() == null ? -1 : done.responseCode(),
                        done.standardOutputContent() == null ? "" : done.standardOutputContent(),
                        done.standardErrorContent() == null ? "" : done.standardErrorContent().strip(),
                        instant(done.executionStartDateTime()));
                evidence.aws("SendCommand+GetCommandInvocation", instanceId + ": " + purpose,
                        output.status() + ", exit code " + output.exitCode());
                outputs.put(instanceId, output);
            }
        }
        Map<String, ShellOutput> ordered = new LinkedHashMap<>();
        instanceIds.forEach(id -> ordered.put(id, outputs.get(id)));
        return ordered;
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
