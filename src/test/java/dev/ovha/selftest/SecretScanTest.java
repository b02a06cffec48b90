package dev.ovha.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan finds what it looks for, in every form, where it looks, and not in build products: zero means zero. */
class SecretScanTest {
    @TempDir
    Path project;

    @Test
    void everyFormIsFoundInReportsAndTargetLogsButNotInCompiledClasses() throws Exception {
        String basic = Base64.getEncoder().encodeToString(("OPENVIDUAPP:" + Sentinels.OPENVIDU_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(project.resolve("reports/junit"));
        Files.writeString(project.resolve("reports/junit/x-output.txt"), "Authorization: Basic " + basic);
        Files.createDirectories(project.resolve("target/selftest/run"));
        Files.writeString(project.resolve("target/selftest/run/stdout.txt"), "password="
                + URLEncoder.encode(Sentinels.ES_PASSWORD, StandardCharsets.UTF_8) + " key=" + Sentinels.AWS_SECRET_KEY);
        // The sentinel inside a longer base64 text, one byte off the group boundary.
        Files.writeString(project.resolve("target/selftest/run/evidence.json"), Base64.getEncoder()
                .encodeToString(("{\"k\":\"" + Sentinels.ES_PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8)));
        Files.createDirectories(project.resolve("target/test-classes"));
        Files.writeString(project.resolve("target/test-classes/Sentinels.txt"), Sentinels.OPENVIDU_SECRET);

        SecretScan.Result scan = SecretScan.scan(project);

        assertThat(scan.scannedFiles()).isEqualTo(3);
        assertThat(scan.occurrences()).extracting(SecretScan.Occurrence::form)
                .contains("basic-auth base64", "es-password url-encoded", "aws-secret-key")
                .anyMatch(form -> form.startsWith("es-password base64@"));
        assertThat(scan.occurrences()).noneMatch(o -> o.file().contains("test-classes"));
    }
}
