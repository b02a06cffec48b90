package dev.ovha.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The last word on secrets: run by a second surefire execution in the {@code integration-test} phase of
 * {@code -Pselftest} (its name does not end in {@code Test}, so the first execution leaves it alone), when
 * every test has written its reports and output files, it scans everything under {@code reports/} and
 * {@code target/} for the sentinels of {@link SecretLeakTest}'s run and writes
 * {@code reports/selftest/secrets.json}: {@code scanned_files}, {@code occurrences} (how many), and where they
 * were (file and form, never the value). Only its own surefire report, written after it, escapes the scan.
 */
class SecretScanAfterTests {
    static final String FILE = "secrets.json";

    @Test
    void noSentinelSecretAnywhereAfterEveryTest() {
        // A targeted run (-Dtest=...) that left SecretLeakTest out has no sentinel run to scan for.
        assumeTrue(Files.exists(SecretLeakTest.RUN.resolve("suite/stdout.txt")),
                "no sentinel run under " + SecretLeakTest.RUN + ": SecretLeakTest did not run");
        SecretScan.Result scan = SecretScan.scan(Path.of("").toAbsolutePath());
        write(scan);
        assertThat(scan.occurrences()).as("sentinel secrets found in " + scan.scannedFiles() + " files").isEmpty();
    }

    static void write(SecretScan.Result scan) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scanned_files", scan.scannedFiles());
        json.put("occurrences", scan.occurrences().stream().mapToInt(SecretScan.Occurrence::count).sum());
        json.put("where", scan.occurrences());
        json.put("forms", List.copyOf(Sentinels.forms().keySet()));
        SelftestReport.write(FILE, json);
    }
}
