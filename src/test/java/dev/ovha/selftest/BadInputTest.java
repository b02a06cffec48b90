package dev.ovha.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ovha.lint.LintParametersMain;
import dev.ovha.target.TwinAsLiveStack;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinEndpoints;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.state.Subnet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad input, through the entry points a user runs: the conformance suite launched in a child JVM the way
 * {@code ./mvnw verify} runs it ({@link SuiteMain}), or {@code scripts/lint-parameters}' main. Each case
 * has one bad input and must end with one clear line naming it, a non-zero exit, and the twin it pointed
 * at unchanged (its control API's state dump, before and after). The results go to
 * {@code reports/selftest/bad-inputs.json}.
 */
class BadInputTest {
    private static final Path WORK = Path.of("target", "selftest", "bad-inputs").toAbsolutePath();
    /** Child JVMs are mostly start-up and waiting; three at a time keep two cores busy. */
    private static final ExecutorService RUNNERS = Executors.newFixedThreadPool(3);
    private static final Map<String, Row> ROWS = new ConcurrentHashMap<>();

    /** One line of {@code bad-inputs.json}. */
    record Row(String caseName, int exitCode, String firstLine, boolean stateUnchanged, int problemLines) {
    }

    /** A twin the cases point at: the shared healthy one, or one of their own with a fault. */
    private static Twin shared;

    @BeforeAll
    static void startTheSharedTwin() {
        shared = Twin.start(TwinOptions.deterministic());
    }

    @AfterAll
    static void stopAndWrite() {
        RUNNERS.shutdownNow();
        shared.close();
        List<Map<String, Object>> rows = new ArrayList<>();
        new TreeMap<>(ROWS).forEach((name, row) -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("case", row.caseName());
            json.put("exitCode", row.exitCode());
            json.put("firstLine", row.firstLine());
            json.put("stateUnchanged", row.stateUnchanged());
            rows.add(json);
        });
        SelftestReport.write("bad-inputs.json", rows);
    }

    /** How a case runs: the suite or the linter, against a twin, with one thing wrong. */
    private interface Invocation {
        ChildJvm.Result run(Twin twin, ChildJvm child);
    }

    /**
     * @param name     what is wrong, as a reader of the table would say it
     * @param twin     the twin it runs against (started and stopped by the case, unless it is the shared one)
     * @param run      the run
     * @param fragment a piece of the one line the user must get
     */
    private record Case(String name, TwinOptions twin, Invocation run, String fragment, boolean script) {
    }

    private static Case suiteCase(String name, TwinOptions twin, Invocation run, String fragment) {
        return new Case(name, twin, run, fragment, false);
    }

    private static Case lintCase(String name, TwinOptions twin, Invocation run, String fragment) {
        return new Case(name, twin, run, fragment, true);
    }

    private static final TwinOptions SHARED = null;

    private static Invocation suite(Consumer<Map<String, String>> change) {
        return suite(change, Map.of());
    }

    /** The suite pointed at the twin as at a live stack (as README's "Running against a live stack"), changed. */
    private static Invocation suite(Consumer<Map<String, String>> change, Map<String, String> env) {
        return (twin, child) -> {
            Map<String, String> settings = new LinkedHashMap<>(TwinAsLiveStack.settings(twin, child.workDir()));
            TwinEndpoints e = twin.endpoints();
            child.env("AWS_ACCESS_KEY_ID", e.accessKeyId()).env("AWS_SECRET_ACCESS_KEY", e.secretAccessKey());
            // The secret as README tells users to pass it, in the environment (a -D flag would show in ps).
            String secret = settings.remove("ovha.openvidu.secret");
            change.accept(settings);
            if (settings.containsKey("ovha.openvidu.secret")) {
                secret = settings.remove("ovha.openvidu.secret");
            }
            if (secret != null) {
                child.env("OVHA_OPENVIDU_SECRET", secret);
            }
            env.forEach(child::env);
            settings.forEach(child::flag);
            return child.run(180, SuiteMain.class);
        };
    }

    /** {@code scripts/lint-parameters FILE --stack S --region R --endpoint AWS} on a file the twin's stack could be deployed with, changed. */
    private static Invocation lint(Consumer<Map<String, String>> change) {
        return (twin, child) -> lintText(twin, child, parametersJson(validParameters(twin), change));
    }

    private static ChildJvm.Result lintText(Twin twin, ChildJvm child, String text) {
        TwinEndpoints e = twin.endpoints();
        Path file = child.workDir().resolve("parameters.json");
        try {
            Files.writeString(file, text);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        child.env("AWS_ACCESS_KEY_ID", e.accessKeyId()).env("AWS_SECRET_ACCESS_KEY", e.secretAccessKey());
        return child.run(60, LintParametersMain.class, file.toString(), "--stack", e.stack(), "--region", e.region(),
                "--endpoint", e.awsEndpoint().toString());
    }

    private static Map<String, String> validParameters(Twin twin) {
        Map<String, String> p = new TreeMap<>();
        p.put("DomainName", "ov.example.com");
        p.put("OpenViduSecret", "MY_SECRET");
        p.put("OpenViduProClusterId", "ov-prod");
        p.put("ElasticsearchEnabled", "true");
        p.put("ElasticsearchUrl", "https://es.example.com:443");
        p.put("KibanaUrl", "https://kibana.example.com:443");
        p.put("ElasticsearchUser", "elasticadmin");
        p.put("ElasticsearchPassword", "long-enough-password");
        p.put("OpenViduSubnets", twin.inWorld(w -> w.ec2().subnets().stream().map(Subnet::id)
                .collect(Collectors.joining(","))));
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

    private static String parametersJson(Map<String, String> parameters, Consumer<Map<String, String>> change) {
        change.accept(parameters);
        return parameters.entrySet().stream()
                .map(e -> "  {\"ParameterKey\": \"" + e.getKey() + "\", \"ParameterValue\": \"" + e.getValue() + "\"}")
                .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }

    private static final List<Case> CASES = List.of(
            suiteCase("unknown ovha.target", SHARED, suite(s -> s.put("ovha.target", "azure")),
                    "ovha.target"),
            suiteCase("no stack name for aws", SHARED, suite(s -> s.remove("ovha.stack")),
                    "ovha.stack is required when ovha.target = aws"),
            suiteCase("unknown stack", SHARED, suite(s -> s.put("ovha.stack", "ov-prdo")),
                    "stack 'ov-prdo' does not exist in region us-east-1"),
            suiteCase("stack in a failed state", TwinOptions.defaults().withFaults(Set.of(Fault.STACK_ROLLBACK_FAILED)),
                    suite(s -> { }), "is UPDATE_ROLLBACK_FAILED"),
            suiteCase("wrong region", SHARED, suite(s -> s.put("ovha.region", "eu-west-3")),
                    "eu-west-3"),
            suiteCase("no credentials", SHARED, suite(s -> { }, Map.of("AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", "",
                    "AWS_CONFIG_FILE", "/nonexistent/ovha/config", "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/ovha/credentials",
                    "AWS_EC2_METADATA_DISABLED", "true")), "no usable AWS credentials"),
            suiteCase("wrong secret (401)", SHARED, suite(s -> s.put("ovha.openvidu.secret", "not-the-secret")),
                    "refuses the configured secret (401)"),
            suiteCase("no secret for aws", SHARED, suite(s -> s.put("ovha.openvidu.secret", "")),
                    "ovha.openvidu.secret"),
            suiteCase("secret with forbidden characters", SHARED, suite(s -> s.put("ovha.openvidu.secret", "bad secret!")),
                    "ovha.openvidu.secret"),
            suiteCase("unresolvable domain", SHARED, suite(s -> s.put("ovha.openvidu.url", "https://ovha-nowhere.invalid")),
                    "ovha-nowhere.invalid does not resolve"),
            suiteCase("certificate for another host", TwinOptions.defaults().withFaults(Set.of(Fault.CERT_WRONG_HOST)),
                    suite(s -> { }), "wrong-host.ovha.test"),
            suiteCase("expired certificate", TwinOptions.deterministic().withFaults(Set.of(Fault.CERT_EXPIRED)),
                    suite(s -> { }), "CertificateExpiredException"),
            suiteCase("untrusted certificate (no ovha.tls.ca)", SHARED, suite(s -> s.remove("ovha.tls.ca")),
                    "is not trusted"),
            suiteCase("negative timeout", SHARED, suite(s -> s.put("ovha.timeout.default", "-5")),
                    "ovha.timeout.default"),
            suiteCase("non-numeric timeout", SHARED, suite(s -> s.put("ovha.timeout.default", "soon")),
                    "ovha.timeout.default"),
            suiteCase("misspelt configuration key", SHARED, suite(s -> s.put("ovha.timeout.defualt", "30")),
                    "ovha.timeout.default"),
            suiteCase("tag expression that selects nothing", SHARED, suite(s -> s.put("cucumber.filter.tags", "@mastres")),
                    "no scenario was selected"),
            suiteCase("malformed tag expression", SHARED, suite(s -> s.put("cucumber.filter.tags", "@masters and")),
                    "'@masters and' does not parse"),
            suiteCase("chaos opt-in naming another stack", SHARED, suite(s -> s.put("ovha.chaos.allow", "ov-staging")),
                    "ovha.chaos.allow = 'ov-staging' (from -Dovha.chaos.allow) does not name the stack under test"),
            suiteCase("production-tagged stack with an opt-in", TwinOptions.deterministic()
                            .withFaults(Set.of(Fault.STACK_TAGGED_PRODUCTION)), suite(s -> s.put("ovha.allow", "ovha-twin")),
                    "carries the production tag environment=production"),
            lintCase("parameters: Elasticsearch URL without a port", SHARED,
                    lint(p -> p.put("ElasticsearchUrl", "https://es.example.com")), "ElasticsearchUrl"),
            lintCase("parameters: subnets in one availability zone", TwinOptions.deterministic()
                    .withFaults(Set.of(Fault.MASTERS_ONE_AZ)), lint(p -> { }), "OpenViduSubnets"),
            lintCase("parameters: desired masters outside min..max", SHARED,
                    lint(p -> p.put("DesiredMasterNodes", "7")), "DesiredMasterNodes"),
            lintCase("parameters: uppercase cluster id", SHARED,
                    lint(p -> p.put("OpenViduProClusterId", "OV-Prod")), "OpenViduProClusterId"),
            lintCase("parameters: malformed JSON", SHARED,
                    (twin, child) -> lintText(twin, child, "[{\"ParameterKey\": \"DomainName\", \"ParameterValue\": }]"),
                    "parameters.json"));

    @TestFactory
    Stream<DynamicTest> everyBadInputIsOneClearLineANonZeroExitAndNothingChanged() {
        List<Future<Row>> rows = new ArrayList<>();
        for (Case c : CASES) {
            rows.add(RUNNERS.submit(() -> play(c)));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            Future<Row> row = rows.get(i);
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                Row r = row.get();
                System.out.println(c.name() + " -> exit " + r.exitCode() + ": " + r.firstLine());
                assertThat(r.exitCode()).as(c.name() + ": exit status").isNotZero();
                assertThat(r.firstLine()).as(c.name() + ": the line the user gets").contains(c.fragment());
                assertThat(r.problemLines()).as(c.name() + ": lines naming a problem").isEqualTo(1);
                assertThat(r.stateUnchanged()).as(c.name() + ": the twin's state afterwards").isTrue();
            }));
        }
        return tests.stream();
    }

    private static Row play(Case c) {
        String slug = c.name().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "").toLowerCase();
        ChildJvm child = ChildJvm.in(WORK.resolve(slug));
        Row row;
        if (c.twin() == SHARED) {
            row = playOn(shared, c, child);
        } else {
            try (Twin own = Twin.start(c.twin())) {
                row = playOn(own, c, child);
            }
        }
        ROWS.put(c.name(), row);
        return row;
    }

    private static Row playOn(Twin twin, Case c, ChildJvm child) {
        JsonNode before = ControlStateDump.of(twin.endpoints().controlUrl());
        long started = System.nanoTime();
        ChildJvm.Result result = c.run().run(twin, child);
        long millis = (System.nanoTime() - started) / 1_000_000;
        JsonNode after = ControlStateDump.of(twin.endpoints().controlUrl());
        List<String> problems = c.script() ? ProblemLines.ofScript(result) : ProblemLines.ofSuite(result);
        System.out.println("=== " + c.name() + " (" + millis + " ms)\n" + result);
        return new Row(c.name(), result.exitCode(), problems.isEmpty() ? "" : problems.get(0), before.equals(after),
                problems.size());
    }
}
