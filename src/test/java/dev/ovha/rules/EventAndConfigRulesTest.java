package dev.ovha.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.driver.ConfigFile;
import dev.ovha.driver.EventRuleView;
import dev.ovha.driver.QueueActivity;
import dev.ovha.openvidu.OpenViduConfig;
import dev.ovha.probe.BalancingSample;
import dev.ovha.probe.CoverageBound;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EventAndConfigRulesTest {
    private static final Instant T = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void theDotEnvIsComparedAsOpenViduReadsIt() {
        ConfigFile file = file(Map.of("OPENVIDU_CDR", "False", "OPENVIDU_STREAMS_VIDEO_MAX_RECV_BANDWIDTH", "1000",
                "OPENVIDU_RECORDING_PATH", "/opt/openvidu/recordings", "OPENVIDU_WEBHOOK_EVENTS", "[sessionCreated, \"sessionDestroyed\"]",
                "OPENVIDU_PRO_KIBANA_HOST", "", "AWS_INSTANCE_ID", "i-first", "RM_SQS_QUEUE", "only-in-the-file"));
        Map<String, Object> served = new TreeMap<>(Map.of("OPENVIDU_CDR", false, "OPENVIDU_STREAMS_VIDEO_MAX_RECV_BANDWIDTH", 1000,
                "OPENVIDU_RECORDING_PATH", "/opt/openvidu/recordings/", "OPENVIDU_WEBHOOK_EVENTS",
                List.of("sessionCreated", "sessionDestroyed"), "OPENVIDU_PRO_KIBANA_HOST", "https://kibana:443",
                "AWS_INSTANCE_ID", "i-second"));
        assertThat(ConfigRules.dotEnvAgreesWithServed(file, sample(Map.of("i-second", served)), Set.of("i-second"))).isEmpty();
    }

    @Test
    void aDifferenceNamesTheKeyTheFileTheMastersAndTheFix() {
        ConfigFile file = file(Map.of("OPENVIDU_STREAMS_VIDEO_MAX_SEND_BANDWIDTH", "1500"));
        List<String> defects = ConfigRules.dotEnvAgreesWithServed(file, sample(Map.of(
                "i-a", Map.of("OPENVIDU_STREAMS_VIDEO_MAX_SEND_BANDWIDTH", 1000),
                "i-b", Map.of("OPENVIDU_STREAMS_VIDEO_MAX_SEND_BANDWIDTH", 1500))), Set.of("i-a", "i-b"));
        assertThat(defects).hasSize(2);
        assertThat(defects.get(0)).isEqualTo("OPENVIDU_STREAMS_VIDEO_MAX_SEND_BANDWIDTH: s3://bucket/.env says 1500, but"
                + " masters [i-a] serve 1000.");
        assertThat(defects.get(1)).contains("Restart the masters");
    }

    @Test
    void aFileWithNoKeyInCommonIsNotTheMastersDotEnv() {
        assertThat(ConfigRules.dotEnvAgreesWithServed(file(Map.of("SOMETHING", "else")),
                sample(Map.of("i-a", Map.of("VERSION", "2.32.2"))), Set.of("i-a")))
                .singleElement().asString().contains("no key in common");
    }

    @Test
    void onlyMessagesOldEnoughToHaveBeenConsumedMustBeDeleted() {
        QueueActivity justSent = activity(new long[]{0, 0}, new long[]{0, 1});
        assertThat(EventRules.eventsConsumed(justSent)).isEmpty();
        QueueActivity unconsumed = activity(new long[]{0, 0}, new long[]{1, 1});
        assertThat(EventRules.eventsConsumed(unconsumed)).singleElement().asString().contains("no master consumes them");
        QueueActivity silent = activity(new long[]{0, 0}, new long[]{0, 0});
        assertThat(EventRules.eventsConsumed(silent)).singleElement().asString().contains("no event reaches the queue");
        assertThat(EventRules.eventsConsumed(activity(new long[]{1, 1}, new long[]{1, 1}))).isEmpty();
    }

    @Test
    void rateSchedulesGiveTheirPeriodAndCronOnesNone() {
        assertThat(rule("rate(1 minute)").schedulePeriod()).hasValue(Duration.ofMinutes(1));
        assertThat(rule("rate(5 minutes)").schedulePeriod()).hasValue(Duration.ofMinutes(5));
        assertThat(rule("rate(2 hours)").schedulePeriod()).hasValue(Duration.ofHours(2));
        assertThat(rule("cron(0 12 * * ? *)").schedulePeriod()).isEmpty();
    }

    private static EventRuleView rule(String schedule) {
        return new EventRuleView("r", "arn", "ENABLED", Optional.of(schedule), Optional.empty(), List.of());
    }

    private static QueueActivity activity(long[] deleted, long[] sent) {
        return new QueueActivity("q.fifo", List.of(new QueueActivity.Minute(T, sent[0], deleted[0]),
                new QueueActivity.Minute(T.plusSeconds(60), sent[1], deleted[1])));
    }

    private static ConfigFile file(Map<String, String> values) {
        return new ConfigFile("bucket", ".env", "\"etag\"", new TreeMap<>(values), new TreeSet<>(Set.of("OPENVIDU_SECRET")));
    }

    private static BalancingSample sample(Map<String, Map<String, Object>> configs) {
        Map<String, OpenViduConfig> byMaster = new LinkedHashMap<>();
        new TreeMap<>(configs).forEach((id, values) -> byMaster.put(id, new OpenViduConfig(id, new TreeMap<>(values))));
        return new BalancingSample(CoverageBound.forMasters(Math.max(1, configs.size())), List.copyOf(byMaster.keySet()), byMaster);
    }
}
