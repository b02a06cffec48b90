package dev.ovha.driver;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One search of one instance's container log through SSM Run Command.
 *
 * @param instanceId the instance searched
 * @param command    the shell command run (no secret in it)
 * @param outcome    what came of it
 * @param executedAt when the instance ran it, by the instance's clock (empty if it never ran)
 * @param lines      the matching lines (the newest ones, when there are many)
 * @param detail     SSM's status, the exit code and standard error, or why the search could not run
 */
public record LogSearch(String instanceId, String command, Outcome outcome, Optional<Instant> executedAt,
                        List<String> lines, String detail) {
    public LogSearch {
        lines = List.copyOf(lines);
    }

    /** Docker's RFC 3339 time that {@code docker-compose logs -t} puts after the container's prefix. */
    private static final Pattern DOCKER_STAMP = Pattern.compile("\\| (\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z) ");

    /**
     * When the first matching line was logged, by the instance's clock, if the search asked Docker for its
     * timestamps ({@code -t}); the application's own time stamp is left alone (its format and zone are its own).
     */
    public Optional<Instant> loggedAt() {
        return lines.stream().findFirst().map(DOCKER_STAMP::matcher).filter(Matcher::find)
                .map(m -> Instant.parse(m.group(1)));
    }

    public enum Outcome {
        /** grep found lines. */
        MATCHED,
        /** The command ran and grep found nothing (exit 1, no output). */
        NO_MATCH,
        /** SSM refused the instance: it is not a managed instance (no agent, or a role without SSM). */
        NOT_MANAGED,
        /** The command ran and failed otherwise (no such service, no docker-compose...), or never finished. */
        ERROR
    }
}
