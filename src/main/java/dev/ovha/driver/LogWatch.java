package dev.ovha.driver;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Repeated searches of some instances' logs for one pattern, until a line shows up or the instances'
 * clocks have moved on by the window without one.
 *
 * @param instanceIds the instances searched
 * @param service     the compose service whose log is searched
 * @param pattern     the fixed text searched for
 * @param window      how long the searches go on without a match, and, without {@code since}, how far back each looks
 * @param since       when present, every search reads the log from this moment on (by the stack's clock), so that a
 *                    line once logged stays found however late the search runs
 * @param searches    every search made, oldest first
 */
public record LogWatch(List<String> instanceIds, String service, String pattern, Duration window, Optional<Instant> since,
                       List<LogSearch> searches) {
    public LogWatch {
        instanceIds = List.copyOf(instanceIds);
        searches = List.copyOf(searches);
    }

    /** What each search read: {@code since 2026-01-05T09:59:00Z}, or {@code over the last 120 s}. */
    public String span() {
        return since.map(t -> "since " + t).orElse("over the last " + window.toSeconds() + " s");
    }

    /** The first search that found the pattern. */
    public Optional<LogSearch> found() {
        return searches.stream().filter(s -> s.outcome() == LogSearch.Outcome.MATCHED).findFirst();
    }

    /** Instances SSM refused to run commands on. */
    public Set<String> notManaged() {
        return searches.stream().filter(s -> s.outcome() == LogSearch.Outcome.NOT_MANAGED).map(LogSearch::instanceId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether SSM can reach none of the instances, so their logs cannot be read at all. */
    public boolean unreadable() {
        return !instanceIds.isEmpty() && notManaged().containsAll(instanceIds);
    }

    /** How long, by the instances' clocks, the searches have gone on. */
    public Duration searchedFor() {
        List<Instant> runs = searches.stream().flatMap(s -> s.executedAt().stream()).sorted(Comparator.naturalOrder()).toList();
        return runs.isEmpty() ? Duration.ZERO : Duration.between(runs.get(0), runs.get(runs.size() - 1));
    }

    /** Found, unreadable, or searched for a whole window without a match: nothing more to learn. */
    public boolean decided() {
        return found().isPresent() || unreadable() || searchedFor().compareTo(window) >= 0;
    }

    /** For wait messages and evidence: the last search of each instance. */
    public String describe() {
        return searches.size() + " searches; last per instance: " + instanceIds.stream()
                .map(id -> searches.stream().filter(s -> s.instanceId().equals(id)).reduce((a, b) -> b)
                        .map(s -> id + " " + s.outcome() + s.executedAt().map(t -> " at " + t).orElse("")
                                + (s.detail().isEmpty() ? "" : " (" + s.detail() + ")"))
                        .orElse(id + " not searched yet"))
                .collect(Collectors.joining("; "));
    }
}
