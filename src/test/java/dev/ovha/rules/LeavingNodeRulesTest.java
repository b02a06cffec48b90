package dev.ovha.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.driver.LogSearch;
import dev.ovha.driver.LogWatch;
import dev.ovha.driver.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The leaving media node: what one look proves, what it does not, and how the masters' logged termination decides
 * when the looks saw neither moment.
 */
class LeavingNodeRulesTest {
    private static final String NODE = "i-0leaving";
    private static final Instant BEGAN = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant HELD_UNTIL = BEGAN.plusSeconds(30);
    private static final Stack STACK = new Stack("ov", "arn:stack/ov/1", "CREATE_COMPLETE", Optional.empty(), new TreeMap<>(),
            new TreeMap<>(), new TreeMap<>(Map.of("LifeCycleMediaNodesRule",
            new Stack.StackResource("LifeCycleMediaNodesRule", "ov-asg-lifecycle-rule", "AWS::Events::Rule", "CREATE_COMPLETE"))));

    private static LeavingLooks looks(LeavingLooks.Look... looks) {
        return new LeavingLooks(NODE, List.of(looks));
    }

    private static LeavingLooks.Look look(String before, String listedAs, String after) {
        return new LeavingLooks.Look(before, Optional.ofNullable(listedAs), after);
    }

    @Test
    void droppedWhileTheHookStillHeldTheInstanceIsProvenByOneLook() {
        LeavingLooks seen = looks(look("Terminating:Wait", "running", "Terminating:Wait"),
                look("Terminating:Wait", null, "Terminating:Wait"));
        assertThat(seen.droppedWhileHeld()).isPresent();
        assertThat(seen.decided()).isTrue();
        assertThat(ChangeRules.keptAfterRelease(seen, STACK)).isEmpty();
    }

    @Test
    void notListedOnceTheInstanceWasLetGoProvesNothing() {
        // The masters' answer came while the member left the hook: it may have been dropped before or after.
        LeavingLooks seen = looks(look("Terminating:Wait", "running", "Terminating:Wait"),
                look("Terminating:Wait", null, "Terminating:Proceed"));
        assertThat(seen.droppedWhileHeld()).isEmpty();
        assertThat(seen.keptAfterRelease()).isEmpty();
        assertThat(seen.decided()).as("nothing more to see").isTrue();
    }

    @Test
    void listedAsRunningAfterTheHookLetTheInstanceGoIsTheDefect() {
        LeavingLooks seen = looks(look("Terminating:Wait", "running", "Terminating:Wait"),
                look("Terminating:Proceed", "running", "Terminating:Proceed"));
        assertThat(seen.decided()).isTrue();
        assertThat(ChangeRules.keptAfterRelease(seen, STACK)).singleElement().asString()
                .contains("was already Terminating:Proceed", "still listed media node i-0leaving as running",
                        "they did not act on its terminate event", "ov-asg-lifecycle-rule");
    }

    @Test
    void beingRemovedAfterReleaseIsNeitherProofNorTheEnd() {
        // A node found crashed goes through "terminating" too: the masters are removing it, for whatever reason.
        LeavingLooks seen = looks(look("Terminating:Proceed", "terminating", "Terminated"));
        assertThat(seen.keptAfterRelease()).isEmpty();
        assertThat(seen.decided()).isFalse();
        assertThat(seen.with(look("gone", null, "gone")).decided()).isTrue();
    }

    @Test
    void theLogsDecideByWhenTheTerminationWasLogged() {
        LeavingLooks missed = looks(look("Terminating:Wait", "running", "Terminating:Wait"), look("gone", null, "gone"));
        assertThat(ChangeRules.terminateLoggedInTime(watch(HELD_UNTIL.minusSeconds(27)), HELD_UNTIL, missed, STACK)).isEmpty();
        assertThat(ChangeRules.terminateLoggedInTime(watch(HELD_UNTIL.plusSeconds(5)), HELD_UNTIL, missed, STACK))
                .singleElement().asString().contains("only at 2026-01-05T09:00:35Z", "at the latest 2026-01-05T09:00:30Z",
                        "they did not act on its terminate event in time");
        assertThat(ChangeRules.terminateLoggedInTime(notLogged(), HELD_UNTIL, missed, STACK)).singleElement().asString()
                .contains("No master logged the termination of media node i-0leaving", "since 2026-01-05T08:58:00Z",
                        "they did not act on its terminate event");
    }

    @Test
    void dockersTimeStampIsReadFromTheLine() {
        assertThat(search(Instant.parse("2026-01-05T09:00:03.250Z")).loggedAt()).contains(Instant.parse("2026-01-05T09:00:03.250Z"));
        LogSearch withoutStamp = new LogSearch("i-m", "grep", LogSearch.Outcome.MATCHED, Optional.of(BEGAN),
                List.of("openvidu-replication-manager-1  | 2026-01-05 09:00:03.250  INFO 8 --- Media Node (...) terminated"), "");
        assertThat(withoutStamp.loggedAt()).isEmpty();
    }

    private static LogWatch watch(Instant loggedAt) {
        return new LogWatch(List.of("i-m"), "replication-manager", "terminated in autoscaling group", Duration.ofMinutes(5),
                Optional.of(BEGAN.minusSeconds(120)), List.of(search(loggedAt)));
    }

    private static LogWatch notLogged() {
        return new LogWatch(List.of("i-m"), "replication-manager", "terminated in autoscaling group", Duration.ofMinutes(5),
                Optional.of(BEGAN.minusSeconds(120)), List.of(new LogSearch("i-m", "grep", LogSearch.Outcome.NO_MATCH,
                Optional.of(BEGAN.plusSeconds(400)), List.of(), "")));
    }

    private static LogSearch search(Instant loggedAt) {
        return new LogSearch("i-m", "docker-compose logs -t", LogSearch.Outcome.MATCHED, Optional.of(BEGAN.plusSeconds(60)),
                List.of("openvidu-replication-manager-1  | " + loggedAt + " 2026-01-05 09:00:03.250  INFO 8 --- [main]"
                        + " i.o.r.m.s.SQSNotificationListenerAWS : Media Node (i-0leaving,10.0.1.12) terminated in autoscaling group"),
                "");
    }
}
