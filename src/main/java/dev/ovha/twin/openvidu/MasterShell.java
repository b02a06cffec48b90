package dev.ovha.twin.openvidu;

import dev.ovha.twin.state.ShellResult;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a master's shell that log checks use: {@code cd /opt/openvidu && docker-compose logs
 * [--since D] [--tail N] [-t] [--no-color] SERVICE [| grep [-i|-E|-F|-c] PATTERN]} (also
 * {@code docker compose}), over the master's {@link NodeLog}. Exit codes as bash gives them: grep
 * finding nothing exits 1; anything else it does not understand exits 127 "command not found".
 */
public final class MasterShell {

    private static final Pattern SCRIPT = Pattern.compile(
            "^(?:sudo\\s+)?(?:cd\\s+(\\S+)\\s*(?:&&|;)\\s*)?(?:sudo\\s+)?docker(?:-compose|\\s+compose)\\s+logs\\s+([^|]*?)\\s*(?:\\|\\s*grep\\s+(.+))?$");
    /** SSM keeps this much of standard output. */
    static final int OUTPUT_LIMIT = 24_000;
    private static final DateTimeFormatter DOCKER_STAMP = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private MasterShell() {
    }

    public static ShellResult run(NodeLog log, Instant now, List<String> commands) {
        return run(log, now, commands, command -> Optional.empty());
    }

    /**
     * As {@link #run(NodeLog, Instant, List)}, with other commands the node understands ({@code other} answers
     * empty for a command it does not know).
     */
    public static ShellResult run(NodeLog log, Instant now, List<String> commands,
                                  Function<String, Optional<ShellResult>> other) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int exit = 0;
        for (String command : commands) {
            ShellResult one = other.apply(command.strip()).orElseGet(() -> runOne(log, now, command.strip()));
            out.append(one.stdout());
            err.append(one.stderr());
            exit = one.exitCode();
        }
        String stdout = out.length() > OUTPUT_LIMIT ? out.substring(0, OUTPUT_LIMIT) : out.toString();
        return new ShellResult(exit, stdout, err.toString());
    }

    private static ShellResult runOne(NodeLog log, Instant now, String command) {
        if (command.isEmpty() || command.startsWith("#")) {
            return new ShellResult(0, "", "");
        }
        Matcher m = SCRIPT.matcher(command);
        if (!m.matches()) {
            String word = command.split("\\s+")[0];
            return new ShellResult(127, "", "bash: line 1: " + word + ": command not found\n");
        }
        if (m.group(1) != null && !m.group(1).equals("/opt/openvidu")) {
            return new ShellResult(1, "", "bash: line 1: cd: " + m.group(1) + ": No such file or directory\n");
        }
        Optional<LogsRequest> request = LogsRequest.parse(m.group(2), now);
        if (request.isEmpty()) {
            return new ShellResult(1, "", "Usage: docker-compose logs [options] [--] [SERVICE...]\n");
        }
        LogsRequest logs = request.get();
        if (!logs.service().equals("replication-manager") && !logs.service().equals("openvidu-server")) {
            return new ShellResult(1, "", "No such service: " + logs.service() + "\n");
        }
        List<String> lines = new ArrayList<>();
        for (NodeLog.Line line : log.lines()) {
            if (line.service().equals(logs.service()) && (logs.since() == null || !line.at().isBefore(logs.since()))) {
                lines.add(logs.timestamps() ? stamped(line) : line.text());
            }
        }
        List<String> selected = logs.tail() >= 0 && lines.size() > logs.tail()
                ? lines.subList(lines.size() - logs.tail(), lines.size()) : lines;
        if (m.group(3) != null) {
            return Grep.parse(m.group(3)).map(g -> g.apply(selected))
                    .orElse(new ShellResult(2, "", "grep: invalid usage\n"));
        }
        return new ShellResult(0, join(selected), "");
    }

    /**
     * {@code -t}: Docker's own time of the line (RFC 3339, UTC, nanoseconds) right after the container's prefix,
     * whatever the application printed: {@code openvidu-replication-manager-1  | 2026-01-05T09:59:00.000000000Z 2026-…}.
     */
    private static String stamped(NodeLog.Line line) {
        String text = line.text();
        int bar = text.indexOf("| ");
        String stamp = DOCKER_STAMP.format(line.at()) + " ";
        return bar < 0 ? stamp + text : text.substring(0, bar + 2) + stamp + text.substring(bar + 2);
    }

    static String join(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    /** The options of {@code docker-compose logs} the checks use. */
    record LogsRequest(String service, Instant since, int tail, boolean timestamps) {

        static Optional<LogsRequest> parse(String arguments, Instant now) {
            String[] words = arguments.trim().split("\\s+");
            String service = null;
            Instant since = null;
            int tail = -1;
            boolean timestamps = false;
            for (int i = 0; i < words.length; i++) {
                String w = words[i];
                if (w.equals("--since") && i + 1 < words.length) {
                    since = since(words[++i], now);
                } else if (w.startsWith("--since=")) {
                    since = since(w.substring(8), now);
                } else if (w.equals("--tail") && i + 1 < words.length) {
                    tail = tail(words[++i]);
                } else if (w.startsWith("--tail=")) {
                    tail = tail(w.substring(7));
                } else if (w.equals("-t") || w.equals("--timestamps")) {
                    timestamps = true;
                } else if (w.equals("--no-color") || w.equals("-f")) {
                    continue;
                } else if (!w.startsWith("-") && service == null) {
                    service = w;
                } else {
                    return Optional.empty();
                }
            }
            return service == null ? Optional.empty() : Optional.of(new LogsRequest(service, since, tail, timestamps));
        }

        private static int tail(String value) {
            return value.equals("all") ? -1 : Integer.parseInt(value);
        }

        /** {@code 10m}, {@code 1h30m}, {@code 45s} ago, or an RFC 3339 timestamp. */
        private static Instant since(String value, Instant now) {
            Matcher relative = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?").matcher(value.toLowerCase(Locale.ROOT));
            if (!value.isEmpty() && relative.matches()) {
                long seconds = 0;
                seconds += relative.group(1) == null ? 0 : Long.parseLong(relative.group(1)) * 3600;
                seconds += relative.group(2) == null ? 0 : Long.parseLong(relative.group(2)) * 60;
                seconds += relative.group(3) == null ? 0 : Long.parseLong(relative.group(3));
                return now.minus(Duration.ofSeconds(seconds));
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                return Instant.parse(value);
            }
        }
    }
}
