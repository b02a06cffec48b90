package dev.ovha.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ovha.chaos.CleanupMain;
import dev.ovha.tls.PemTrust;
import dev.ovha.twin.TwinMain;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Crash-safe cleanup, ten seeded trials. Each starts {@code scripts/twin}'s main in a child JVM, runs the
 * scenarios that change the stack against it as a live stack (the suite in another child JVM), kills that
 * run with SIGKILL at a seeded random moment after its first journalled change, runs {@code scripts/cleanup}'s
 * main, and compares the twin with how it stood before the run: every group's min, max and desired
 * capacity, every S3 object (the {@code .env} by ETag), the configuration the masters serve, no FIS
 * experiment still running, no FIS template left. Results in {@code reports/selftest/crash-cleanup.json}.
 *
 * <p>The runs change the stack through {@link #SCENARIOS}: the media-scaling scenario (a media node more,
 * then the group's previous members) and the configuration changes ({@code /restart}, {@code .env} edits).
 * The master-termination scenario (FIS) joins by name once it is on the branch.
 */
class CrashCleanupTest {
    private static final int TRIALS = 10;
    private static final long SEED = 20260105L;
    /** Scenarios that change the stack, by name (a name not in features/ selects nothing). */
    static final String SCENARIOS = "^(Launch and terminate events reach every master"
            + "|A property changed through the API restarts every master and is persisted"
            + "|With auto-restart on, an edit of the S3 \\.env restarts every master with the new value"
            + "|A master dies, the stack replaces it, and no session of a surviving master is lost)$";
    /** How long after the first journalled change the kill may come: about one scenario's length. */
    private static final int KILL_WINDOW_MS = 8_000;
    /**
     * Milliseconds between two looks for the suite and scripts/cleanup: the aws default (5 s) would make each
     * trial wait mostly on its own polls; the twin answers at once, and what a trial proves does not depend on it.
     */
    private static final String POLL_MILLIS = "200";
    private static final Path WORK = Path.of("target", "selftest", "crash-cleanup").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One trial, as crash-cleanup.json reports it. */
    record Trial(int trial, long seed, int killAfterFirstChangeMs, boolean killedWhileRunning, int pendingAtKill,
                 int cleanupExit, List<String> leftovers) {
    }

    @Test
    void tenKilledRunsLeaveNothingBehindOnceCleanupHasRun() throws Exception {
        ExecutorService runners = Executors.newFixedThreadPool(2);
        List<Future<Trial>> futures = new ArrayList<>();
        try {
            for (int i = 1; i <= TRIALS; i++) {
                int trial = i;
                futures.add(runners.submit(() -> trial(trial)));
            }
            List<Trial> trials = new ArrayList<>();
            for (Future<Trial> f : futures) {
                trials.add(f.get(10, TimeUnit.MINUTES));
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("trials", trials.size());
            report.put("leftovers", trials.stream().mapToInt(t -> t.leftovers().size()).sum());
            report.put("killedWhileRunning", trials.stream().filter(Trial::killedWhileRunning).count());
            report.put("details", trials);
            SelftestReport.write("crash-cleanup.json", report);
            trials.forEach(t -> System.out.println("trial " + t));
            assertThat(trials).allSatisfy(t -> {
                assertThat(t.cleanupExit()).as("scripts/cleanup's exit status, trial " + t.trial()).isZero();
                assertThat(t.leftovers()).as("what trial " + t.trial() + " left changed").isEmpty();
            });
            assertThat(trials).as("trials whose run was killed in the middle of its changes")
                    .filteredOn(Trial::killedWhileRunning).isNotEmpty();
        } finally {
            runners.shutdownNow();
        }
    }

    private Trial trial(int trial) throws Exception {
        long seed = SEED + trial;
        Random random = new Random(seed);
        Path dir = WORK.resolve("trial-" + trial);
        ChildJvm twinJvm = ChildJvm.in(dir.resolve("twin"));
        Path endpointsFile = dir.resolve("twin/endpoints.json");
        Files.deleteIfExists(endpointsFile);
        Process twin = twinJvm.start(TwinMain.class, "--endpoints-file", endpointsFile.toString(),
                "--seed", Long.toString(seed));
        try {
            await("scripts/twin of trial " + trial + " writes its endpoints").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100)).until(() -> Files.exists(endpointsFile) || !twin.isAlive());
            assertThat(twin.isAlive()).as("scripts/twin of trial " + trial + " is up: " + twinJvm.result(-1)).isTrue();
            JsonNode endpoints = JSON.readTree(endpointsFile.toFile());
            await("trial " + trial + ": every master serving").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> configurations(endpoints).stream().noneMatch(c -> c.startsWith("HTTP")));
            Observed before = observe(endpoints);

            ChildJvm suite = ChildJvm.in(dir.resolve("suite"));
            Path journal = suite.workDir().resolve("reports/undo-journal.jsonl");
            Files.deleteIfExists(journal);
            live(suite, endpoints).flag("ovha.allow", endpoints.get("stack").asText())
                    .flag("ovha.chaos.allow", endpoints.get("stack").asText())
                    .flag("cucumber.filter.tags", "@mutating or @disruptive")
                    .flag("cucumber.filter.name", SCENARIOS);
            Process run = suite.start(SuiteMain.class);
            await("trial " + trial + ": the run's first journalled change").atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(50)).until(() -> pending(journal) > 0 || !run.isAlive());
            int killAfter = random.nextInt(KILL_WINDOW_MS);
            boolean ended = run.waitFor(killAfter, TimeUnit.MILLISECONDS);
            int pendingAtKill = pending(journal);
            run.destroyForcibly();
            run.waitFor(30, TimeUnit.SECONDS);

            ChildJvm cleanup = ChildJvm.in(dir.resolve("cleanup"));
            ChildJvm.Result cleaned = live(cleanup, endpoints).flag("ovha.chaos.journal", journal.toString())
                    .run(180, CleanupMain.class);
            List<String> leftovers = new ArrayList<>();
            try {
                await("trial " + trial + ": the twin as it was before the run").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500)).until(() -> before.differencesFrom(observe(endpoints)).isEmpty());
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                leftovers.addAll(before.differencesFrom(observe(endpoints)));
            }
            if (cleaned.exitCode() != 0) {
                leftovers.add("scripts/cleanup exited " + cleaned.exitCode() + ": " + String.join(" | ", cleaned.allLines()));
            }
            return new Trial(trial, seed, killAfter, !ended && pendingAtKill > 0, pendingAtKill, cleaned.exitCode(),
                    leftovers);
        } finally {
            twin.destroy();
            if (!twin.waitFor(20, TimeUnit.SECONDS)) {
                twin.destroyForcibly();
            }
        }
    }

    /** The child pointed at scripts/twin as a person would: -D flags, its dummy keys and secret in the environment. */
    private static ChildJvm live(ChildJvm child, JsonNode e) {
        return child.flag("ovha.target", "aws").flag("ovha.stack", e.get("stack").asText())
                .flag("ovha.region", e.get("region").asText()).flag("ovha.poll.interval", POLL_MILLIS)
                .flag("ovha.aws.endpoint", e.get("awsEndpoint").asText())
                .flag("ovha.openvidu.url", e.get("openviduUrl").asText())
                .flag("ovha.openvidu.httpUrl", e.get("openviduHttpUrl").asText())
                .flag("ovha.tls.ca", e.get("caPemFile").asText())
                .env("AWS_ACCESS_KEY_ID", e.get("accessKeyId").asText())
                .env("AWS_SECRET_ACCESS_KEY", e.get("secretAccessKey").asText())
                .env("OVHA_OPENVIDU_SECRET", e.get("secret").asText());
    }

    private static int pending(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return 0;
        }
        Map<String, Boolean> open = new LinkedHashMap<>();
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            if (line.isBlank() || !line.endsWith("}")) {
                continue;
            }
            JsonNode entry = JSON.readTree(line);
            String type = entry.path("type").asText();
            if (type.equals("pending")) {
                open.put(entry.path("id").asText(), true);
            } else if (type.equals("done")) {
                open.remove(entry.path("id").asText());
            }
        }
        return open.size();
    }

    /**
     * What a killed run must not leave changed: groups' sizes, S3 objects, the configuration served, FIS
     * experiments running and templates. Instances are not compared: a put-back group may run other
     * instances than before, as it would on AWS.
     */
    record Observed(Map<String, String> groups, Map<String, String> objects, TreeSet<String> configurations,
                    List<String> runningExperiments, List<String> templates) {
        List<String> differencesFrom(Observed after) {
            List<String> differences = new ArrayList<>();
            if (!groups.equals(after.groups)) {
                differences.add("groups " + groups + " -> " + after.groups);
            }
            if (!objects.equals(after.objects)) {
                differences.add("S3 objects " + objects + " -> " + after.objects);
            }
            if (!configurations.equals(after.configurations)) {
                differences.add("the masters serve another configuration (" + configurations.size() + " before, "
                        + after.configurations.size() + " now)");
            }
            if (!after.runningExperiments.isEmpty()) {
                differences.add("FIS experiments still running " + after.runningExperiments);
            }
            if (!templates.equals(after.templates)) {
                differences.add("FIS templates " + templates + " -> " + after.templates);
            }
            return differences;
        }
    }

    private static Observed observe(JsonNode endpoints) throws Exception {
        JsonNode state = ControlStateDump.of(URI.create(endpoints.get("controlUrl").asText()));
        Map<String, String> groups = new TreeMap<>();
        state.path("autoScalingGroups").forEach(g -> groups.put(g.path("name").asText(), "min " + g.path("minSize")
                + ", max " + g.path("maxSize") + ", desired " + g.path("desiredCapacity")));
        Map<String, String> objects = new TreeMap<>();
        state.path("buckets").forEach(b -> b.path("objects").forEach(o ->
                objects.put(b.path("name").asText() + "/" + o.path("key").asText(), o.path("etag").asText())));
        List<String> running = new ArrayList<>();
        state.path("experiments").forEach(x -> {
            String status = x.path("status").asText();
            if (!List.of("completed", "stopped", "failed", "cancelled").contains(status)) {
                running.add(x.path("id").asText() + " " + status);
            }
        });
        List<String> templates = new ArrayList<>();
        state.path("experimentTemplates").forEach(t -> templates.add(t.asText()));
        return new Observed(groups, objects, configurations(endpoints), running, templates);
    }

    /** The configurations the masters serve through the balancer (round robin: a few requests reach each), without the instance id. */
    private static TreeSet<String> configurations(JsonNode e) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(PemTrust.sslContext(e.get("caPem").asText()))
                .connectTimeout(Duration.ofSeconds(5)).build();
        String auth = Base64.getEncoder().encodeToString(("OPENVIDUAPP:" + e.get("secret").asText())
                .getBytes(StandardCharsets.UTF_8));
        TreeSet<String> seen = new TreeSet<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(e.get("openviduUrl").asText()
                    + "/openvidu/api/config")).header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                seen.add("HTTP " + answer.statusCode());
                continue;
            }
            ObjectNode config = (ObjectNode) JSON.readTree(answer.body());
            config.remove("AWS_INSTANCE_ID");
            seen.add(config.toString());
        }
        return seen;
    }
}
