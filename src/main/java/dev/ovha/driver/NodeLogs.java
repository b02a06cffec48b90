package dev.ovha.driver;

import dev.ovha.aws.AwsClients;
import dev.ovha.config.Timeouts;
import dev.ovha.eventually.Eventually;
import dev.ovha.report.Evidence;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;

/**
 * The masters' container logs, read the way the vendor tells operators to ({@code docker-compose logs}
 * in {@code /opt/openvidu}, piped to {@code grep}), but through SSM Run Command instead of SSH, which the
 * template does not open. A master SSM cannot reach (its role lacks AmazonSSMManagedInstanceCore, or no
 * agent runs) is reported as such, not as a missing log line.
 */
public final class NodeLogs {
    private static final String DOCUMENT = "AWS-RunShellScript";
    private static final List<String> FINISHED = List.of("Success", "Failed", "Cancelled", "TimedOut");
    /** Keep the evidence short: the newest matching lines are enough to show what was found. */
    private static final int LINES_KEPT = 5;

    private final AwsClients aws;
    private final Evidence evidence;
    private final Timeouts timeouts;

    public NodeLogs(AwsClients aws, Evidence evidence, Timeouts timeouts) {
        this.aws = aws;
        this.evidence = evidence;
        this.timeouts = timeouts;
    }

    /**
     * Searches the instances' {@code service} logs for the fixed text {@code pattern} over the last
     * {@code window}, again and again until some instance has the line, SSM reaches none of them, or the
     * instances' clocks show that a whole window passed without it.
     */
    public LogWatch watch(List<String> instanceIds, String service, String pattern, Duration window) {
        List<LogSearch> searches = new ArrayList<>();
        LogWatch watch = Eventually.that("a line with '" + pattern + "' in the " + service + " log of one of "
                        + instanceIds + " within " + window.toSeconds() + " s", timeouts)
                .observing(() -> {
                    LogWatch sofar = new LogWatch(instanceIds, service, pattern, window, searches);
                    for (String id : instanceIds) {
                        if (!sofar.notManaged().contains(id)) {
                            LogSearch search = search(id, service, pattern, window);
                            searches.add(search);
                            if (search.outcome() == LogSearch.Outcome.MATCHED) {
                                break; // one master with the line is all the check needs
                            }
                        }
                    }
                    return new LogWatch(instanceIds, service, pattern, window, searches);
                })
                .describedBy(LogWatch::describe)
                .until(LogWatch::decided);
        evidence.aws("SendCommand+GetCommandInvocation (" + DOCUMENT + ")", String.join(",", instanceIds), watch);
        return watch;
    }

    /** One search of one instance, waiting for SSM to run it. */
    public LogSearch search(String instanceId, String service, String pattern, Duration since) {
        String command = "cd /opt/openvidu && docker-compose logs --no-color --since " + since.toSeconds() + "s "
                + service + " | grep -F '" + pattern.replace("'", "") + "'";
        String commandId;
        try {
            commandId = aws.ssm().sendCommand(r -> r.instanceIds(instanceId).documentName(DOCUMENT)
                    .comment("ovha: read-only log search").timeoutSeconds(60)
                    .parameters(Map.of("commands", List.of(command)))).command().commandId();
        } catch (InvalidInstanceIdException e) {
            return new LogSearch(instanceId, command, LogSearch.Outcome.NOT_MANAGED, Optional.empty(), List.of(),
                    "SSM: " + e.awsErrorDetails().errorMessage());
        }
        Optional<GetCommandInvocationResponse> done = Eventually.that("SSM command " + commandId + " on " + instanceId
                        + " finished", timeouts)
                .observing(() -> invocation(commandId, instanceId))
                .describedBy(i -> i.map(r -> r.statusAsString()).orElse("not visible yet"))
                .until(i -> i.isPresent() && FINISHED.contains(i.get().statusAsString()));
        return outcome(instanceId, command, done.orElseThrow());
    }

    private Optional<GetCommandInvocationResponse> invocation(String commandId, String instanceId) {
        try {
            return Optional.of(aws.ssm().getCommandInvocation(r -> r.commandId(commandId).instanceId(instanceId)));
        } catch (InvocationDoesNotExistException e) {
            return Optional.empty(); // SSM shows an invocation a moment after SendCommand
        }
    }

    /** grep exits 1 without output when it finds nothing: SSM calls that Failed, we call it no match. */
    private static LogSearch outcome(String instanceId, String command, GetCommandInvocationResponse r) {
        String out = r.standardOutputContent() == null ? "" : r.standardOutputContent();
        String err = r.standardErrorContent() == null ? "" : r.standardErrorContent().strip();
        int code = r.responseCode() == null ? -1 : r.responseCode();
        Optional<Instant> at = instant(r.executionStartDateTime());
        List<String> lines = Arrays.stream(out.split("\\R")).filter(l -> !l.isBlank()).toList();
        List<String> newest = lines.subList(Math.max(0, lines.size() - LINES_KEPT), lines.size());
        if (r.statusAsString().equals("Success") && code == 0 && !lines.isEmpty()) {
            return new LogSearch(instanceId, command, LogSearch.Outcome.MATCHED, at, newest, "");
        }
        if (code == 1 && out.isBlank() && err.isEmpty()) {
            return new LogSearch(instanceId, command, LogSearch.Outcome.NO_MATCH, at, List.of(), "");
        }
        return new LogSearch(instanceId, command, LogSearch.Outcome.ERROR, at, newest,
                r.statusAsString() + ", exit code " + code + (err.isEmpty() ? "" : ": " + err));
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
