package dev.ovha.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.chaos.CleanupMain;
import dev.ovha.target.TwinAsLiveStack;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinEndpoints;
import dev.ovha.twin.TwinOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Secrets never leak: a run whose twin and harness hold sentinel secrets (the OpenVidu secret, the
 * Elasticsearch password in the stack's parameters and S3 {@code .env}, the AWS secret key) — the suite in a
 * child JVM against the twin as a live stack, the read-only scenarios and the ones that change the
 * configuration and the {@code .env}, with every report plugin, then {@code scripts/cleanup}'s main on its
 * journal — and a scan of everything under {@code reports/} and {@code target/} (the children's consoles
 * included) for the sentinels in every form: none may be found.
 *
 * <p>Ordering: this test makes the run it scans, so its own scan sees every file of that run. Files written
 * after it (later test classes, their output files) are covered by {@link SecretScanAfterTests}, which a
 * second surefire execution runs in the {@code integration-test} phase, after every test of the profile, and
 * which writes {@code reports/selftest/secrets.json}.
 */
class SecretLeakTest {
    static final Path RUN = Path.of("target", "selftest", "secrets-run").toAbsolutePath();

    @Test
    void aRunWithSentinelSecretsLeavesNoneOfThemBehind() throws IOException {
        deleteRecursively(RUN);
        try (Twin twin = Twin.start(TwinOptions.defaults().withSecret(Sentinels.OPENVIDU_SECRET)
                .withEsPassword(Sentinels.ES_PASSWORD))) {
            ChildJvm suite = ChildJvm.in(RUN.resolve("suite"));
            Map<String, String> settings = live(twin, suite);
            settings.put("ovha.allow", twin.endpoints().stack());
            settings.put("cucumber.filter.tags", "@conformance or @config-changes");
            ChildJvm.Result run = suite.flags(settings).run(300, SuiteMain.class);
            assertThat(run.exitCode()).as("the sentinel run passes, so that it went through every step").isZero();
            assertThat(suite.workDir().resolve("reports/cucumber.json")).exists();
            assertThat(suite.workDir().resolve("reports/undo-journal.jsonl")).exists();

            ChildJvm cleanup = ChildJvm.in(RUN.resolve("cleanup"));
            Map<String, String> cleanupSettings = live(twin, cleanup);
            cleanupSettings.put("ovha.chaos.journal", suite.workDir().resolve("reports/undo-journal.jsonl").toString());
            ChildJvm.Result cleaned = cleanup.flags(cleanupSettings).run(120, CleanupMain.class);
            assertThat(cleaned.exitCode()).as("scripts/cleanup after the sentinel run").isZero();
        }
        SecretScan.Result scan = SecretScan.scan(Path.of("").toAbsolutePath());
        SecretScanAfterTests.write(scan);
        assertThat(scan.occurrences()).as("sentinel secrets found in " + scan.scannedFiles() + " files").isEmpty();
    }

    /** The twin as a live stack, with the sentinels where a user puts secrets: the environment. */
    private static Map<String, String> live(Twin twin, ChildJvm child) {
        TwinEndpoints e = twin.endpoints();
        Map<String, String> settings = new LinkedHashMap<>(TwinAsLiveStack.settings(twin, child.workDir()));
        settings.remove("ovha.openvidu.secret");
        // The aws defaults would make the run wait mostly on itself: 5 s between looks, and a 100 s quiet
        // period (a third of the 300 s timeout) in the auto-restart-off scenario. Where the secrets go depends
        // on neither; 60 s still leaves a loaded machine room for every other wait.
        settings.put("ovha.poll.interval", "200");
        settings.put("ovha.timeout.default", "60");
        child.env("OVHA_OPENVIDU_SECRET", Sentinels.OPENVIDU_SECRET)
                .env("AWS_ACCESS_KEY_ID", e.accessKeyId())
                .env("AWS_SECRET_ACCESS_KEY", Sentinels.AWS_SECRET_KEY);
        return settings;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
