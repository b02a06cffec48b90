package dev.ovha.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Writes a scenario's timeline under {@code <root>/<scenario>/}: {@code timeline.png} (the chart) and
 * {@code samples.json} (summary, markers, every request and every 100 ms bucket), the raw evidence a
 * reader can re-analyse. Neither contains credentials: samples never hold headers or bodies.
 *
 * @param directory where the files are
 * @param chart     the PNG
 * @param samples   the JSON
 */
public record TimelineReport(Path directory, Path chart, Path samples) {
    /** Where the suite writes timelines, under the reports directory. */
    public static final Path DEFAULT_ROOT = Path.of("reports", "timelines");

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The file {@code samples.json} holds. */
    record Contents(String scenario, TimelineSummary summary, List<TimelineMarker> markers,
                    List<ProbeSample> samples, List<Bucket> buckets) {
    }

    public static TimelineReport write(Path root, String scenario, Timeline timeline) throws IOException {
        Path directory = root.resolve(directoryName(scenario));
        Files.createDirectories(directory);
        Path samples = directory.resolve("samples.json");
        Path chart = directory.resolve("timeline.png");
        Contents contents = new Contents(scenario, timeline.summary(), timeline.markers(), timeline.samples(),
                timeline.buckets());
        atomically(samples, JSON.writeValueAsBytes(contents));
        atomically(chart, TimelineChart.png(timeline, scenario));
        return new TimelineReport(directory, chart, samples);
    }

    /** A scenario name as a directory name: lower case, words joined by '-'. */
    static String directoryName(String scenario) {
        String name = scenario.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "-").replaceAll("(^-+|-+$)", "");
        if (name.length() > 100) {
            name = name.substring(0, 100).replaceAll("-+$", "");
        }
        return name.isEmpty() ? "scenario" : name;
    }

    /** Readers (a CI uploading artifacts, a browser) never see half a file. */
    private static void atomically(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
