package dev.ovha.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Matching waits to the twin's ground truth, on made-up runs. */
class VerdictLagTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    private static SuiteRunResult.Wait met(String name, long started, long ended) {
        return new SuiteRunResult.Wait(name, at(started), at(ended), "MET", 3, 100);
    }

    private static SuiteRunResult.Event event(long seq, String type, String subject, long at, String... details) {
        Map<String, String> map = details.length == 2 ? Map.of(details[0], details[1]) : Map.of();
        return new SuiteRunResult.Event(seq, type, subject, at(at), map);
    }

    private static SuiteRunResult run(List<SuiteRunResult.Wait> waits, List<SuiteRunResult.Event> events) {
        return new SuiteRunResult("@x", 2, 2, Map.of("passed", 1), List.of(), Map.of(), 10, waits, events);
    }

    @Test
    void theLagRunsFromTheEventThatMadeTheConditionTrueToTheVerdict() {
        VerdictLag.Result result = VerdictLag.of(List.of(run(
                List.of(met("master i-0new a healthy target behind the load balancer", 1_000, 5_180)),
                List.of(event(1, "target.healthy", "i-0old", 500),
                        event(2, "target.healthy", "i-0new", 5_050),
                        event(3, "target.healthy", "i-0other", 5_100)))));

        assertThat(result.unmatched()).isEmpty();
        VerdictLag.Sample sample = result.samples().get(0);
        assertThat(sample.subject()).as("the subject the wait names, not the latest event").isEqualTo("i-0new");
        assertThat(sample.lagMillis()).isEqualTo(130);
        assertThat(sample.heldBeforeTheWait()).isFalse();
        assertThat(sample.condition()).isEqualTo("target healthy");
    }

    @Test
    void aConditionAlreadyTrueWhenTheWaitBeganCountsFromTheWaitsStart() {
        VerdictLag.Result result = VerdictLag.of(List.of(run(
                List.of(met("session ses_A1 listed by GET /openvidu/api/sessions", 2_000, 2_040)),
                List.of(event(1, "session.created", "ses_A1", 1_990)))));

        assertThat(result.samples()).singleElement().satisfies(s -> {
            assertThat(s.heldBeforeTheWait()).isTrue();
            assertThat(s.lagMillis()).isEqualTo(40);
        });
    }

    @Test
    void everyMasterRestartedBecameTrueWithTheLastRestartBeforeTheVerdict() {
        VerdictLag.Result result = VerdictLag.of(List.of(run(
                List.of(met("every master restarted with the new value", 0, 3_000)),
                List.of(event(1, "master.restarted", "i-1", 2_000), event(2, "master.restarted", "i-2", 2_900),
                        event(3, "master.restarted", "i-3", 3_500)))));

        assertThat(result.samples()).singleElement().extracting(VerdictLag.Sample::lagMillis).isEqualTo(100L);
    }

    @Test
    void waitsWithoutARuleOrWithoutAnEventAreReportedNotCounted() {
        VerdictLag.Result result = VerdictLag.of(List.of(run(
                List.of(met("the moon aligned", 0, 10), met("session ses_B listed by the cluster", 0, 10),
                        new SuiteRunResult.Wait("session ses_C listed", at(0), at(15_000), "TIMED_OUT", 150, 100)),
                List.of(event(1, "session.created", "ses_B", 20)))));

        assertThat(result.samples()).isEmpty();
        assertThat(result.unmatched()).extracting(VerdictLag.Unmatched::waitName)
                .containsExactly("the moon aligned", "session ses_B listed by the cluster");
    }

    @Test
    void specificWordingsWinOverGeneralOnes() {
        assertThat(GroundTruthRule.forWait("master i-1 unhealthy in the target group")).map(GroundTruthRule::condition)
                .hasValue("target left the healthy set");
        assertThat(GroundTruthRule.forWait("media node i-9 deregistered by every master")).map(GroundTruthRule::condition)
                .hasValue("media node deregistered");
        assertThat(GroundTruthRule.forWait("media node i-9 registered by every master")).map(GroundTruthRule::condition)
                .hasValue("media node registered");
        assertThat(GroundTruthRule.forWait("FIS experiment EXP1 ended")).map(GroundTruthRule::condition)
                .hasValue("FIS experiment ended");
        assertThat(GroundTruthRule.forWait("something else entirely")).isEqualTo(Optional.empty());
    }

    @Test
    void aReplacementIsFoundAlthoughTheWaitNamesTheVictim() {
        VerdictLag.Result result = VerdictLag.of(List.of(run(
                List.of(met("master group whole again after losing i-0dead, within the recovery budget of 600 s"
                        + " (ovha.chaos.recoveryBudget)", 1_000, 5_090)),
                List.of(event(1, "target.healthy", "i-0dead", 100), event(2, "target.healthy", "i-0new", 5_000)))));

        assertThat(result.samples()).singleElement().satisfies(s -> {
            assertThat(s.subject()).isEqualTo("i-0new");
            assertThat(s.lagMillis()).isEqualTo(90);
        });
    }

    @Test
    void theChaosAndMutatingWaitsAreRead() {
        assertThat(condition("a new member of ovha-twin-ASGMediaNode InService")).isEqualTo("instance in service");
        assertThat(condition("media node i-9 registered as running by every master")).isEqualTo("media node registered");
        assertThat(condition("media node i-9 dropped by the masters while its instance terminates"))
                .isEqualTo("media node deregistered");
        assertThat(condition("media node i-9 listed by no master")).isEqualTo("media node deregistered");
        assertThat(condition("media node i-9 replaced and its replacement registered, within the recovery budget of 600 s"))
                .isEqualTo("replacement media node registered");
        assertThat(condition("media group ovha-twin-ASGMediaNode grown from 2 to 3 with the new node registered, within the"
                + " recovery budget of 10 s (ovha.chaos.recoveryBudget)")).isEqualTo("media group grown with its new node registered");
        assertThat(condition("SSM commands {i-1=c-1, i-2=c-2} (read-only log search) finished")).isEqualTo("SSM command finished");
        assertThat(condition("GET /openvidu/api/config answered by a master that is up (500-504 are asked again)"))
                .isEqualTo("API answering again");
        assertThat(condition("the masters close the sessions [s-1] of the crashed media node media_i-9 (until they do, its"
                + " users are never told to rejoin)")).isEqualTo("crashed node's sessions closed");
        assertThat(condition("ovha-twin-ASGMediaNode back to its 2 previous members")).isEqualTo("group back to its members");
        assertThat(condition("every master restarted after the change")).isEqualTo("masters restarted");
        assertThat(condition("every master serving OPENVIDU_STREAMS_VIDEO_MAX_RECV_BANDWIDTH=900")).isEqualTo("masters restarted");
        assertThat(condition("OPENVIDU_STREAMS_VIDEO_MAX_RECV_BANDWIDTH=900 persisted in the S3 .env"))
                .isEqualTo("configuration persisted");
        assertThat(condition("SSM command c-1 (replication-manager log) on i-1 finished")).isEqualTo("SSM command finished");
        assertThat(condition("FIS experiment EXP1 resolved its targets")).isEqualTo("FIS experiment running");
        assertThat(condition("no master restarting nor serving X=1 for 20 s while auto-restart is off"))
                .startsWith("a state that must hold");
        assertThat(condition("a line with 'New Media Node' in the replication-manager log of one of [i-1] within 30 s"))
                .startsWith("log lines");
    }

    @Test
    void aWaitWithNoMomentIsListedWithTheReason() {
        VerdictLag.Result result = VerdictLag.of(List.of(run(
                List.of(met("stack ovha-twin in its steady state", 0, 10)), List.of())));
        assertThat(result.unmatched()).singleElement().extracting(VerdictLag.Unmatched::reason)
                .isEqualTo("a steady state is many conditions at once");
    }

    private static String condition(String waitName) {
        return GroundTruthRule.forWait(waitName).map(GroundTruthRule::condition).orElse("none");
    }

    @Test
    void aSubjectIsNamedOnlyAsAWholeWord() {
        assertThat(VerdictLag.names("instance i-0abc healthy", "i-0abc")).isTrue();
        assertThat(VerdictLag.names("instance i-0abcd healthy", "i-0abc")).isFalse();
        assertThat(VerdictLag.names("session ses_X listed", "")).isFalse();
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> sorted = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);
        assertThat(VerdictLag.percentile(sorted, 50)).isEqualTo(50);
        assertThat(VerdictLag.percentile(sorted, 95)).isEqualTo(100);
        assertThat(VerdictLag.percentile(List.of(), 95)).isZero();
    }
}
