package dev.ovha.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/bench}'s driver in a tiny configuration, in its own JVM as the script runs it: one run of
 * each selection, a second small stack, a slow prober. Checks what it writes, not how fast anything was.
 */
class BenchMainTest {
    private static final List<String> FIGURES = List.of("suite_conformance_s", "suite_full_s", "lag_p50_ms",
            "lag_p95_ms", "lag_max_ms", "poll_interval_ms", "prober_rps", "prober_window_error_ms");

    @Test
    void aTinyBenchmarkWritesEveryFigure(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        Path console = dir.resolve("console.txt");
        Process process = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), BenchMain.class.getName(),
                "--repetitions", "1", "--scales", "2x2,2x3", "--scale-repetitions", "1", "--conformance-tags", "@security",
                "--full-tags", "@application", "--prober-rate", "50", "--out", json.toString())
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the benchmark ended within 5 minutes").isTrue();
        String output = Files.readString(console, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("ovha benchmark:", "verdict lag", "prober (master termination)", "written: " + json);

        JsonNode figures = BenchJson.MAPPER.readTree(json.toFile());
        FIGURES.forEach(name -> assertThat(figures.path(name).isNumber()).as(name + " in " + figures).isTrue());
        assertThat(figures.path("poll_interval_ms").asLong()).isEqualTo(100);
        assertThat(figures.path("scale")).hasSize(2);
        for (JsonNode row : figures.path("scale")) {
            assertThat(row.path("masters").isInt()).isTrue();
            assertThat(row.path("media").isInt()).isTrue();
            assertThat(row.path("wall_s").isNumber()).isTrue();
            assertThat(row.path("aws_calls").asLong()).isPositive();
        }
        assertThat(figures.path("scale").get(0).path("wall_ratio").asDouble()).isEqualTo(1.0);
        assertThat(figures.path("scale").get(1).path("media").asInt()).isEqualTo(3);

        JsonNode details = figures.path("details");
        // The application scenario waits for its session to be listed and to be gone: both placed on the ground truth.
        assertThat(details.path("lag_samples").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(details.path("lag_unmatched")).isEmpty();
        assertThat(details.path("problems")).isEmpty();
        assertThat(details.path("targets").size()).isGreaterThanOrEqualTo(7);
        assertThat(details.path("suite_jvm_args").toString()).contains("TieredStopAtLevel");
        assertThat(dir.resolve("runs").resolve("conformance-1").resolve("result.json")).exists();
        assertThat(dir.resolve("runs").resolve("scale-2x3-1").resolve("console.log")).exists();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString();
    }
}
