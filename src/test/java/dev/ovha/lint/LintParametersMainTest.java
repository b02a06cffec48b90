package dev.ovha.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.target.TwinAsLiveStack;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.state.Subnet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/lint-parameters}: the parameter rules on a local file, before deploying. */
class LintParametersMainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static Map<String, String> valid() {
        Map<String, String> p = new TreeMap<>();
        p.put("DomainName", "ov.example.com");
        p.put("OpenViduSecret", "MY_SECRET");
        p.put("OpenViduProClusterId", "ov-prod");
        p.put("ElasticsearchEnabled", "false");
        p.put("OpenViduSubnets", "subnet-aaa,subnet-bbb");
        p.put("MinMasterNodes", "1");
        p.put("DesiredMasterNodes", "2");
        p.put("MaxMasterNodes", "4");
        p.put("MinMediaNodes", "1");
        p.put("DesiredMediaNodes", "2");
        p.put("MaxMediaNodes", "4");
        p.put("ScaleUpMediaNodesAvgCpu", "70");
        p.put("ScaleDownMediaNodesAvgCpu", "30");
        return p;
    }

    private Path file(Map<String, String> parameters) throws IOException {
        String json = parameters.entrySet().stream()
                .map(e -> "  {\"ParameterKey\": \"" + e.getKey() + "\", \"ParameterValue\": \"" + e.getValue() + "\"}")
                .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
        Path file = dir.resolve("parameters.json");
        Files.writeString(file, json);
        return file;
    }

    private int run(String... args) {
        return LintParametersMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aGoodFilePassesAndSaysWhatWasNotCheckedOffline() throws IOException {
        assertThat(run(file(valid()).toString(), "--stack", "ov-prod")).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("subnet zones cannot be resolved offline", "--region", "breaks none of the rules");
    }

    @Test
    void everyBrokenRuleIsOneLineAndTheExitCodeIsOne() throws IOException {
        Map<String, String> bad = valid();
        bad.put("OpenViduSecret", "has spaces!");
        bad.put("OpenViduProClusterId", "Prod");
        bad.put("ScaleDownMediaNodesAvgCpu", "80");
        assertThat(run(file(bad).toString(), "--stack", "this-stack-name-is-far-too-long-for-aws")).isEqualTo(1);
        assertThat(out.toString().lines()).hasSize(4)
                .anySatisfy(l -> assertThat(l).startsWith("stack name:"))
                .anySatisfy(l -> assertThat(l).startsWith("OpenViduSecret:"))
                .anySatisfy(l -> assertThat(l).startsWith("OpenViduProClusterId:"))
                .anySatisfy(l -> assertThat(l).startsWith("ScaleDownMediaNodesAvgCpu:"));
        assertThat(out.toString()).doesNotContain("has spaces!");
    }

    @Test
    void withARegionTheSubnetsZonesAreResolvedThroughEc2() throws IOException {
        TwinAsLiveStack.useTwinCredentials();
        try (Twin twin = Twin.start(TwinOptions.deterministic().withFaults(Set.of(Fault.MASTERS_ONE_AZ)))) {
            Map<String, String> parameters = valid();
            parameters.put("OpenViduSubnets", twin.inWorld(w -> w.ec2().subnets().stream().map(Subnet::id)
                    .collect(Collectors.joining(","))));
            assertThat(run(file(parameters).toString(), "--region", "us-east-1", "--endpoint",
                    twin.endpoints().awsEndpoint().toString())).isEqualTo(1);
            assertThat(out.toString()).startsWith("OpenViduSubnets:").contains("all lie in us-east-1a");
        } finally {
            TwinAsLiveStack.forgetTwinCredentials();
        }
    }

    @Test
    void usageAndFileProblemsExitWithTwo() throws IOException {
        assertThat(run()).isEqualTo(2);
        assertThat(run(dir.resolve("missing.json").toString())).isEqualTo(2);
        Path notParameters = dir.resolve("object.json");
        Files.writeString(notParameters, "{\"Parameters\": []}");
        assertThat(run(notParameters.toString())).isEqualTo(2);
        assertThat(run(file(valid()).toString(), "--endpoint", "http://127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).contains("usage: scripts/lint-parameters FILE", "expected a JSON array", "--endpoint needs --region");
    }

    @Test
    void theScriptRunsTheSameLint() throws IOException, InterruptedException {
        Map<String, String> bad = valid();
        bad.put("DesiredMediaNodes", "9");
        Process process = new ProcessBuilder("scripts/lint-parameters", file(bad).toString())
                .redirectErrorStream(false).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the script finished").isTrue();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(stdout).startsWith("DesiredMediaNodes: needs MinMediaNodes <= DesiredMediaNodes <= MaxMediaNodes");
    }
}
