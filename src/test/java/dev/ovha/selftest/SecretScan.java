package dev.ovha.selftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Looks for the sentinels' forms in what runs leave behind: every file under {@code reports/}, and under
 * {@code target/} every file that is not a build product (compiled classes, jars, Maven's bookkeeping), so the
 * surefire and failsafe reports, the test output files and the child runs' consoles and reports.
 */
final class SecretScan {
    /** Build products under target/: they hold the code, not what a run printed (the sentinels are constants in it). */
    private static final Set<String> BUILD_PRODUCTS = Set.of("classes", "test-classes", "generated-sources",
            "generated-test-sources", "maven-status", "maven-archiver", "test-compile", "compile");
    private static final Set<String> BINARY_ENDINGS = Set.of(".class", ".jar", ".png", ".zip", ".gz");

    /** A form found in a file, and how often. */
    record Occurrence(String file, String form, int count) {
    }

    /** What a scan found: how many files it read, and every occurrence. */
    record Result(int scannedFiles, List<Occurrence> occurrences) {
    }

    private SecretScan() {
    }

    static Result scan(Path projectDir) {
        List<Path> files = new ArrayList<>();
        files.addAll(filesUnder(projectDir.resolve("reports"), false));
        files.addAll(filesUnder(projectDir.resolve("target"), true));
        Map<String, String> forms = Sentinels.forms();
        List<Occurrence> found = new ArrayList<>();
        for (Path file : files) {
            String text;
            try {
                text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                // A file removed while we looked (a concurrent run's temp file) holds nothing any more.
                continue;
            }
            forms.forEach((name, value) -> {
                int count = count(text, value);
                if (count > 0) {
                    found.add(new Occurrence(projectDir.relativize(file).toString(), name, count));
                }
            });
        }
        return new Result(files.size(), found);
    }

    private static List<Path> filesUnder(Path root, boolean skipBuildProducts) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !skipBuildProducts || !BUILD_PRODUCTS.contains(root.relativize(f).getName(0).toString()))
                    .filter(f -> BINARY_ENDINGS.stream().noneMatch(f.getFileName().toString()::endsWith))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(String text, String value) {
        int count = 0;
        for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
            count++;
        }
        return count;
    }
}
