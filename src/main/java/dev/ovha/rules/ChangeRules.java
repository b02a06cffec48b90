package dev.ovha.rules;

import dev.ovha.driver.LogSearch;
import dev.ovha.driver.LogWatch;
import dev.ovha.driver.Stack;
import dev.ovha.openvidu.OpenViduConfig;
import dev.ovha.openvidu.RegisteredMediaNode;
import dev.ovha.openvidu.ServerStatus;
import dev.ovha.probe.BalancingSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a reversible change must do to the stack: launches and terminations of media nodes reach every master,
 * a configuration change restarts every master and sticks. Each rule turns what the masters answered into
 * defects that name the broken promise and where to look.
 */
public final class ChangeRules {
    private ChangeRules() {
    }

    /** Every answer (every master was asked) lists {@code instanceId} as a running, connected media node. */
    public static List<String> listedAsRunning(String instanceId, List<List<RegisteredMediaNode>> answers, Stack stack) {
        long missing = answers.stream().filter(nodes -> nodes.stream().noneMatch(n -> n.environmentId().equals(instanceId)
                && n.status().equals("running") && n.connected())).count();
        if (missing == 0) {
            return List.of();
        }
        return List.of(missing + " of " + answers.size() + " answers of GET /openvidu/api/media-nodes (every master"
                + " asked) do not list media node " + instanceId + " as running: " + seen(instanceId, answers)
                + ". The masters register a new media node when its launch event reaches them through the "
                + stack.lifecycleRuleName().orElse("lifecycle") + " rule and the queue; check the rule's target and"
                + " the replication-manager's logs.");
    }

    /** No answer lists {@code instanceId} any more. */
    public static List<String> notListed(String instanceId, List<List<RegisteredMediaNode>> answers) {
        long listing = answers.stream().filter(nodes -> nodes.stream().anyMatch(n -> n.environmentId().equals(instanceId)))
                .count();
        return listing == 0 ? List.of() : List.of(listing + " of " + answers.size() + " answers still list media node "
                + instanceId + " (" + seen(instanceId, answers) + ")");
    }

    /**
     * The hook had let the leaving node's instance go, and afterwards the masters still listed the node as running:
     * they did not act on its terminate event while the instance was held for them.
     */
    public static List<String> keptAfterRelease(LeavingLooks looks, Stack stack) {
        return looks.keptAfterRelease().map(look -> List.of("Instance " + looks.instanceId() + " was already " + look.before()
                + " (the terminating lifecycle hook had let it go) and afterwards the masters still listed media node "
                + looks.instanceId() + " as " + look.listedAs().orElse("") + ": " + notActed(stack) + " ("
                + looks.describe() + ")")).orElse(List.of());
    }

    /**
     * The masters' logs show that they acted on the leaving node's terminate event while the terminating hook held its
     * instance: the replication-manager's line for it, logged (by Docker's clock) no later than {@code heldUntil}, the
     * termination's start plus the hook's heartbeat timeout. For when the harness looked too seldom to see the moment
     * itself; {@code watch} searched with Docker's timestamps.
     */
    public static List<String> terminateLoggedInTime(LogWatch watch, Instant heldUntil, LeavingLooks looks,
                                                     Stack stack) {
        Optional<LogSearch> found = watch.found();
        if (found.isEmpty()) {
            return List.of("No master logged the termination of media node " + looks.instanceId() + " ('" + watch.pattern()
                    + "') in its " + watch.service() + " log " + watch.span() + " (" + watch.describe() + "), and it left"
                    + " their list only after the terminating hook had let its instance go (" + looks.describe() + "): "
                    + notActed(stack));
        }
        Instant at = found.get().loggedAt().orElseThrow(() -> new IllegalArgumentException(
                "the search did not ask Docker for time stamps: " + found.get().command()));
        if (at.isAfter(heldUntil)) {
            return List.of("The masters logged the termination of media node " + looks.instanceId() + " only at " + at
                    + ", after the terminating hook had let its instance go (at the latest " + heldUntil + "): "
                    + notActed(stack).replace("terminate event", "terminate event in time"));
        }
        return List.of();
    }

    private static String notActed(Stack stack) {
        return "they did not act on its terminate event (the " + stack.lifecycleRuleName().orElse("lifecycle")
                + " rule, the queue and the replication-manager carry it), so they only find the node crashed once its"
                + " instance is gone.";
    }

    /**
     * Every answer (every master was asked) shows a restart after {@code since}, the latest start or restart any
     * master reported before the change.
     */
    public static List<String> restartedSince(long since, List<ServerStatus> answers) {
        List<ServerStatus> stale = answers.stream().filter(s -> s.lastRestartTime() <= since).toList();
        if (stale.isEmpty()) {
            return List.of();
        }
        return List.of(stale.size() + " of " + answers.size() + " answers of GET /openvidu/api/status (every master"
                + " asked) show no restart since the change: " + stale.stream().map(ChangeRules::status).distinct()
                .collect(Collectors.joining(", ")));
    }

    /** The latest moment any master says it started or restarted. */
    public static long latestStart(List<ServerStatus> answers) {
        return answers.stream().mapToLong(s -> Math.max(s.startTime(), s.lastRestartTime())).max().orElse(0);
    }

    /** Every master answered, and each serves {@code key} = {@code expected}. */
    public static List<String> serves(BalancingSample sample, Set<String> masters, String key, String expected) {
        List<String> defects = new ArrayList<>(unanswered(sample, masters));
        defects.addAll(servedOtherwise(sample, key, expected));
        return defects;
    }

    /** Masters the sample did not reach: nothing is known of what they serve. */
    public static List<String> unanswered(BalancingSample sample, Set<String> masters) {
        Set<String> unseen = masters.stream().filter(m -> !sample.configs().containsKey(m))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        return unseen.isEmpty() ? List.of()
                : List.of("Masters " + unseen + " did not answer within " + sample.requests() + " requests.");
    }

    /** Masters that answered with another value of {@code key} than {@code expected}. */
    public static List<String> servedOtherwise(BalancingSample sample, String key, String expected) {
        List<String> defects = new ArrayList<>();
        sample.configs().forEach((master, config) -> {
            String served = value(config, key);
            if (!served.equals(expected)) {
                defects.add("Master " + master + " serves " + key + "=" + served + ", expected " + expected + ".");
            }
        });
        return defects;
    }

    /** The S3 {@code .env} holds {@code key} = {@code expected}, so that a master launched later boots with it. */
    public static List<String> persisted(String location, String key, Optional<String> stored, String expected) {
        if (stored.isPresent() && stored.get().equals(expected)) {
            return List.of();
        }
        return List.of(location + " has " + stored.map(v -> key + "=" + v).orElse("no " + key)
                + ", expected " + key + "=" + expected + " after POST /openvidu/api/restart: the masters serve the new"
                + " value but did not persist it, so a master the group launches next boots with the old one.");
    }

    /** Some master logged the line of a media node's launch or termination (each event goes to one master). */
    public static List<String> logged(LogWatch watch, String what) {
        if (watch.found().isPresent()) {
            return List.of();
        }
        return List.of("No master logged the media node's " + what + " ('" + watch.pattern() + "') in its "
                + watch.service() + " log " + watch.span() + " (" + watch.describe() + "): the"
                + " event reached no replication-manager, or it did not act on it.");
    }

    static String value(OpenViduConfig config, String key) {
        return config.value(key).map(String::valueOf).orElse("(absent)");
    }

    private static String status(ServerStatus s) {
        return "restartCounter " + s.restartCounter() + ", lastRestartTime " + s.lastRestartTime();
    }

    private static String seen(String instanceId, List<List<RegisteredMediaNode>> answers) {
        Set<String> states = answers.stream().map(nodes -> nodes.stream().filter(n -> n.environmentId().equals(instanceId))
                .findFirst().map(n -> n.status() + (n.connected() ? "" : ", disconnected")).orElse("absent"))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        return "seen as " + String.join(" / ", states.stream().map(Objects::toString).toList());
    }
}
