package dev.ovha.twin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovha.aws.AwsClients;
import dev.ovha.aws.AwsTarget;
import dev.ovha.twin.sim.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class TwinMainTest {

    @Test
    void parsesEveryOption() {
        TwinMain.Launch launch = TwinMain.parse(new String[]{"--endpoints-file", "x.json", "--stack", "prod-ov",
                "--masters", "3", "--media", "5", "--time-scale", "120", "--fault", "masters-one-az", "--seed", "9",
                "--region", "eu-west-1", "--version", "2.31.0", "--timing", "masterStartup=90"});
        TwinOptions o = launch.options();
        assertThat(launch.endpointsFile()).isEqualTo(Path.of("x.json"));
        assertThat(o.stack()).isEqualTo("prod-ov");
        assertThat(o.masters()).isEqualTo(3);
        assertThat(o.media()).isEqualTo(5);
        assertThat(o.timeScale()).isEqualTo(120);
        assertThat(o.faults()).containsExactly(Fault.MASTERS_ONE_AZ);
        assertThat(o.seed()).isEqualTo(9);
        assertThat(o.region()).isEqualTo("eu-west-1");
        assertThat(o.version()).isEqualTo("2.31.0");
        assertThat(o.timings().masterStartup()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void badArgumentsAreOneClearLine() {
        assertThatThrownBy(() -> TwinMain.parse(new String[]{"--stack", "s"}))
                .hasMessageStartingWith("--endpoints-file is required");
        assertThatThrownBy(() -> TwinMain.parse(new String[]{"--endpoints-file", "f", "--fault", "nope"}))
                .hasMessageContaining("unknown fault 'nope'").hasMessageContaining("master-unhealthy");
        assertThatThrownBy(() -> TwinMain.parse(new String[]{"--endpoints-file", "f", "--masters", "two"}))
                .hasMessage("--masters expects a whole number, got 'two'");
        assertThatThrownBy(() -> TwinMain.parse(new String[]{"--endpoints-file", "f", "--masters", "0"}))
                .hasMessageContaining("at least one master");
        assertThatThrownBy(() -> TwinMain.parse(new String[]{"--endpoints-file", "f", "--timing", "bootTime=3"}))
                .hasMessageContaining("unknown timing 'bootTime'");
        assertThatThrownBy(() -> TwinMain.parse(new String[]{"--endpoints-file"}))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> TwinMain.parse(new String[]{"--endpoints-file", "f", "--colour", "red"}))
                .hasMessageContaining("unknown option --colour");
    }

    @Test
    void runsInTheForegroundWritesItsEndpointsAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path endpoints = dir.resolve("endpoints.json");
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                TwinMain.class.getName(), "--endpoints-file", endpoints.toString(), "--stack", "game-day", "--media", "1")
                .redirectError(stderr.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .start();
        try {
            await("endpoints file written by the child twin").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100)).until(() -> Files.exists(endpoints));
            JsonNode json = new ObjectMapper().readTree(endpoints.toFile());
            assertThat(json.fieldNames()).toIterable()
                    .contains("awsEndpoint", "region", "stack", "accessKeyId", "secretAccessKey", "controlUrl", "openviduUrl",
                            "openviduHttpUrl", "caPem", "secret");
            assertThat(json.path("stack").asText()).isEqualTo("game-day");
            try (AwsClients aws = new AwsClients(AwsTarget.emulator(URI.create(json.path("awsEndpoint").asText()),
                    json.path("region").asText(), json.path("accessKeyId").asText(), json.path("secretAccessKey").asText()))) {
                assertThat(aws.cloudFormation().describeStacks(r -> r.stackName("game-day")).stacks()).hasSize(1);
                assertThat(aws.autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames("game-day-ASGMediaNode"))
                        .autoScalingGroups().get(0).instances()).hasSize(1);
            }
            assertThat(Files.readString(dir.resolve("stdout.txt"))).contains("awsEndpoint", "controlUrl")
                    .doesNotContain(json.path("secretAccessKey").asText());
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the twin stops on SIGTERM").isTrue();
        }
        List<String> log = Files.readAllLines(stderr, StandardCharsets.UTF_8);
        assertThat(log).anySatisfy(line -> assertThat(line).contains("twin of stack game-day stopped"));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString();
    }
}
