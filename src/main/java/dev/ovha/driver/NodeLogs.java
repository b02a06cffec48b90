package dev.ovha.driver;

import dev.ovha.aws.AwsClients;
import dev.ovha.config.Timeouts;
import dev.ovha.eventually.Eventually;
import dev.ovha.report.Evidence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The masters' container logs, read the way the vendor tells operators to ({@code docker-compose logs}
 * in {@code /opt/openvidu}, piped to {@code grep}), but through SSM Run Command instead of SSH, which the
 * template does not open. A master SSM cannot reach (its role lacks AmazonSSMManagedInstanceCore, or no
 * agent runs) is reported as such, not as a missing log line.
 */
public final class NodeLogs {
    private static final String DOCUMENT = "AWS-RunShellScript";
    /** Keep the evidence short: the newest matching lines are enough to show what was found. */
    private static final int LINES_KEPT = 5;

    private final NodeCommands commands;
    private final Evidence evidence;
    private final Timeouts timeouts;

    public NodeLogs(AwsClients aws, Evidence evidence, Timeouts timeouts) {
        // One evidence record per watch (below), not one per look.
        this.commands = new NodeCommands(aws, Evidence.NONE, timeouts);
        this.evidence = evidence;
        this.timeouts = timeouts;
    }

    /**
     * Searches the instances' {@code service} logs for the fixed text {@code pattern} over the last
     * {@code window}, again and again until some instance has the line, SSM reaches none of them, or the
     * instances' clocks show that a whole window passed without it. For lines that must show within a window of
     * the moment they are looked for (a periodic notification).
     */
    public LogWatch watch(List<String> instanceIds, String service, String pattern, Duration window) {
        return watch(instanceIds, service, pattern, window, Optional.empty());
    }

    /**
     * Searches the instances' {@code service} logs from {@code since} on (by the stack's clock) for the fixed text
     * {@code pattern}, again and again until some instance has the line, SSM reaches none of them, or the instances'
     * clocks show that {@code patience} passed without it. For a line about an event that happened after
     * {@code since}: however late the search runs, the line stays in what it reads, and Docker's time stamp
     * ({@code -t}) tells when it was logged.
     */
    public LogWatch watchSince(List<String> instanceIds, String service, String pattern, Instant since, Duration patience) {
        return watch(instanceIds, service, pattern, patience, Optional.of(since));
    }

    private LogWatch watch(List<String> instanceIds, String service, String pattern, Duration window,
                           Optional<Instant> since) {
        List<LogSearch> searches = new ArrayList<>();
        String span = since.map(t -> " since " + t).orElse(" within " + window.toSeconds() + " s");
        LogWatch watch = Eventually.that("a line with '" + pattern + "' in the " + service + " log of one of "
                        + instanceIds + span, timeouts)
                .observing(() -> {
                    // Every instance searched at the same moment: a periodic line goes to whichever instance
                    // handled it, so only searches over the same window together say "none in the window".
                    LogWatch sofar = new LogWatch(instanceIds, service, pattern, window, since, searches);
                    List<String> readable = instanceIds.stream().filter(id -> !sofar.notManaged().contains(id)).toList();
                    String options = since.map(t -> "-t --since " + t).orElse("--since " + window.toSeconds() + "s");
                    String command = command(service, pattern, options);
                    commands.runOnEach(readable, "read-only log search", command).values()
                            .forEach(output -> searches.add(outcome(command, output)));
                    return new LogWatch(instanceIds, service, pattern, window, since, searches);
                })
                .describedBy(LogWatch::describe)
                .until(LogWatch::decided);
        evidence.aws("log watch (SSM " + DOCUMENT + ")", String.join(",", instanceIds), watch);
        return watch;
    }

    /** One search of one instance over the last {@code since}, waiting for SSM to run it. */
    public LogSearch search(String instanceId, String service, String pattern, Duration since) {
        return run(instanceId, service, pattern, "--since " + since.toSeconds() + "s");
    }

    private LogSearch run(String instanceId, String service, String pattern, String options) {
        String command = command(service, pattern, options);
        return outcome(command, commands.run(instanceId, "read-only log search", command));
    }

    private static String command(String service, String pattern, String options) {
        return "cd /opt/openvidu && docker-compose logs --no-color " + options + " "
                + service + " | grep -F '" + pattern.replace("'", "") + "'";
    }

    /** grep exits 1 without output when it finds nothing: SSM calls that Failed, we call it no match. */
    private static LogSearch outcome(String command, ShellOutput r) {
        if (!r.managed()) {
            return new LogSearch(r.instanceId(), command, LogSearch.Outcome.NOT_MANAGED, Optional.empty(), List.of(),
                    r.stderr());
        }
        List<String> lines = Arrays.stream(r.stdout().split("\\R")).filter(l -> !l.isBlank()).toList();
        List<String> newest = lines.subList(Math.max(0, lines.size() - LINES_KEPT), lines.size());
        if (r.status().equals("Success") && r.exitCode() == 0 && !lines.isEmpty()) {
            return new LogSearch(r.instanceId(), command, LogSearch.Outcome.MATCHED, r.executedAt(), newest, "");
        }
        if (r.exitCode() == 1 && r.stdout().isBlank() && r.stderr().isEmpty()) {
            return new LogSearch(r.instanceId(), command, LogSearch.Outcome.NO_MATCH, r.executedAt(), List.of(), "");
        }
        return new LogSearch(r.instanceId(), command, LogSearch.Outcome.ERROR, r.executedAt(), newest,
                r.status() + ", exit code " + r.exitCode() + (r.stderr().isEmpty() ? "" : ": " + r.stderr()));
    }
}
