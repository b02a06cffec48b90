package dev.ovha.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis on hand-made samples, where every number is known in advance. */
class TimelineTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    /** 20 requests per second for 10 s; between 3.0 s and 4.0 s every other one fails with 502. */
    private static Timeline oneMasterDownForOneSecond() {
        List<ProbeSample> samples = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Instant start = T0.plusMillis(50L * i);
            boolean down = i >= 60 && i < 80;
            String master = i % 2 == 0 ? "i-aaa" : "i-bbb";
            if (down && master.equals("i-bbb")) {
                samples.add(new ProbeSample(i + 1, start, 3.0, 502, null, null));
            } else {
                samples.add(new ProbeSample(i + 1, start, 2.0, 200, null, master));
            }
        }
        List<TimelineMarker> markers = List.of(new TimelineMarker("fault start", T0.plusMillis(3000)),
                new TimelineMarker("target unhealthy", T0.plusMillis(4000)));
        return new Timeline("https://lb/openvidu/api/config", Duration.ofMillis(50), T0, T0.plusSeconds(10),
                samples, markers);
    }

    @Test
    void countsSuccessesAndFindsOneErrorWindowAcrossInterleavedSuccesses() {
        Timeline timeline = oneMasterDownForOneSecond();

        assertThat(timeline.requests()).isEqualTo(200);
        assertThat(timeline.successes()).isEqualTo(190);
        assertThat(timeline.successRatio()).isEqualTo(0.95);
        assertThat(timeline.errorWindows()).hasSize(1);
        ErrorWindow window = timeline.longestErrorWindow().orElseThrow();
        // First failure: request 62 at 3.05 s; last: request 80 at 3.95 s, which took 3 ms.
        assertThat(window.start()).isEqualTo(T0.plusMillis(3050));
        assertThat(window.end()).isEqualTo(T0.plusMillis(3953));
        assertThat(window.failures()).isEqualTo(10);
        assertThat(window.requests()).isEqualTo(19);
        assertThat(timeline.outcomes()).containsEntry("200", 190).containsEntry("502", 10);
        assertThat(timeline.instanceMix()).containsEntry("i-aaa", 100).containsEntry("i-bbb", 90);
    }

    @Test
    void aQuietStretchLongerThanTheGapSplitsWindows() {
        List<ProbeSample> samples = List.of(
                new ProbeSample(1, T0, 1, 503, null, null),
                new ProbeSample(2, T0.plusMillis(400), 1, null, "timeout", null),
                new ProbeSample(3, T0.plusMillis(2000), 1, 200, null, "i-a"),
                new ProbeSample(4, T0.plusMillis(5000), 1, 502, null, null));
        Timeline timeline = new Timeline("u", Duration.ofMillis(100), T0, T0.plusSeconds(6), samples, List.of());

        assertThat(timeline.mergeGap()).isEqualTo(Duration.ofMillis(500));
        assertThat(timeline.errorWindows()).extracting(ErrorWindow::failures).containsExactly(2, 1);
        assertThat(timeline.longestErrorWindow().orElseThrow().durationMillis()).isEqualTo(401);
        assertThat(timeline.errorWindows(Duration.ofSeconds(10))).hasSize(1);
    }

    @Test
    void bucketsCoverTheWholeTimeIncludingEmptySlices() {
        Timeline timeline = oneMasterDownForOneSecond();

        List<Bucket> buckets = timeline.buckets();
        assertThat(buckets).hasSize(100);
        assertThat(buckets.get(0).requests()).isEqualTo(2);
        assertThat(buckets.get(0).successRate()).isEqualTo(100.0);
        assertThat(buckets.get(31).successRate()).isEqualTo(50.0);
        assertThat(buckets.get(31).meanLatencyMillis()).isCloseTo(2.5, within(1e-9));
        assertThat(buckets.get(31).instances()).containsOnlyKeys("i-aaa");

        Timeline sparse = new Timeline("u", Duration.ofSeconds(1), T0, T0.plusSeconds(1),
                List.of(new ProbeSample(1, T0, 1, 200, null, "i-a")), List.of());
        assertThat(sparse.buckets()).hasSize(10);
        assertThat(sparse.buckets().get(5).requests()).isZero();
        assertThat(sparse.buckets().get(5).successRate()).isNull();
    }

    @Test
    void nothingSentMeansNothingFailed() {
        Timeline empty = new Timeline("u", Duration.ofMillis(50), T0, T0, List.of(), List.of());

        assertThat(empty.successRatio()).isEqualTo(1.0);
        assertThat(empty.longestErrorWindow()).isEmpty();
        assertThat(empty.summary().oneLine()).isEqualTo("0 requests, 100.0 % ok, no error window");
    }

    @Test
    void writesAReadableChartAndTheRawSamples(@TempDir Path root) throws Exception {
        TimelineReport report = TimelineReport.write(root, "Master node termination: one of two", oneMasterDownForOneSecond());

        assertThat(report.directory()).isEqualTo(root.resolve("master-node-termination-one-of-two"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(report.chart())));
        assertThat(image.getWidth()).isEqualTo(TimelineChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(2 * TimelineChart.PANEL_HEIGHT);
        JsonNode json = new ObjectMapper().readTree(report.samples().toFile());
        assertThat(json.path("samples")).hasSize(200);
        assertThat(json.path("samples").get(61).path("status").asInt()).isEqualTo(502);
        assertThat(json.path("samples").get(0).path("start").asText()).isEqualTo("2026-01-05T09:00:00Z");
        assertThat(json.path("summary").path("longestErrorWindow").path("durationMillis").asLong()).isEqualTo(903);
        assertThat(json.path("markers").get(1).path("label").asText()).isEqualTo("target unhealthy");
        assertThat(json.path("buckets")).hasSize(100);
    }

    @Test
    void directoryNamesAreTamed() {
        assertThat(TimelineReport.directoryName("../../etc/passwd")).isEqualTo("etc-passwd");
        assertThat(TimelineReport.directoryName("!!!")).isEqualTo("scenario");
    }
}
