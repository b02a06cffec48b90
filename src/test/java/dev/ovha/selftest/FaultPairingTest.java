package dev.ovha.selftest;

import static org.assertj.core.api.Assertions.assertThat;


import dev.ovha.eventually.Eventually;
import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.state.LifecycleState;
import dev.ovha.twin.state.TargetHealthState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario (conformance, mutating, disruptive) can fail: each is paired with a twin fault (or a
 * deployment setting) under which it must fail — the stack broke a promise, not the harness — with a message
 * naming the defect, and all of them pass on a healthy twin and leave it as they found it. A scenario without
 * a pair fails the build.
 */
class FaultPairingTest {

    /**
     * A scenario, how to break the stack for it, and a fragment of the message it must fail with.
     *
     * @param scenario the scenario's name, as in its feature file
     * @param faults   twin faults (topology ones at start, behaviour ones injected)
     * @param settings harness configuration for the twin (stack name, size, time scale)
     * @param symptom  what must show on the twin before the scenario runs, for faults that take time
     * @param fragment a piece of the failure message that names the defect
     */
    record Pair(String scenario, Set<Fault> faults, Map<String, String> settings, Optional<FaultedTwin.Symptom> symptom,
                String fragment) {
        @Override
        public String toString() {
            return scenario + " under " + faults.stream().map(Fault::id).collect(Collectors.joining("+"))
                    + (settings.isEmpty() ? "" : " " + settings);
        }
    }

    private static Pair pair(String scenario, Fault fault, String fragment) {
        return new Pair(scenario, Set.of(fault), Map.of(), Optional.empty(), fragment);
    }

    private static final FaultedTwin.Symptom A_MASTER_NOT_HEALTHY = new FaultedTwin.Symptom(
            "a master's target no longer healthy", twin -> twin.inWorld(w -> w.elb().targetGroups().get(0).targets()
            .stream().anyMatch(t -> t.state() != TargetHealthState.HEALTHY)));
    private static final FaultedTwin.Symptom A_MASTER_OUT_OF_SERVICE = new FaultedTwin.Symptom(
            "fewer in-service masters than desired", twin -> twin.inWorld(w -> w.masterGroup().instances().stream()
            .filter(i -> i.lifecycleState() == LifecycleState.IN_SERVICE).count() < w.masterGroup().desiredCapacity()));

    static final List<Pair> PAIRS = List.of(
            pair("The stack finished deploying", Fault.STACK_ROLLBACK_FAILED,
                    "is UPDATE_ROLLBACK_FAILED"),
            pair("The stack's parameters follow the deployment rules", Fault.MASTERS_ONE_AZ,
                    "The OpenViduSubnets parameter needs subnets in two availability zones"),
            new Pair("The stack's parameters follow the deployment rules", Set.of(),
                    Map.of("ovha.stack", "ovha-conformance-stack-name-too-long"), Optional.empty(),
                    "so the stack name may have at most 29"),
            pair("The domain serves a certificate that browsers accept", Fault.CERT_WRONG_HOST,
                    "is issued for [wrong-host.ovha.test], not for 127.0.0.1"),
            pair("The domain serves a certificate that browsers accept", Fault.CERT_EXPIRING,
                    "days), within 14 days"),
            pair("The domain leads to the stack's load balancer", Fault.DOMAIN_ELSEWHERE,
                    "expected the fixed 401 of the stack's load balancer"),
            // Replacing the unhealthy master takes ~300 virtual seconds: slowed down, that leaves ~15 s to look.
            new Pair("Every master is a healthy target of the stack's target group", Set.of(Fault.MASTER_UNHEALTHY),
                    Map.of("ovha.twin.timeScale", "20"), Optional.of(A_MASTER_NOT_HEALTHY),
                    "to be an in-service, healthy target"),
            new Pair("As many masters serve as the master group desires",
                    Set.of(Fault.MASTER_UNHEALTHY, Fault.NO_MASTER_REPLACEMENT), Map.of(),
                    Optional.of(A_MASTER_OUT_OF_SERVICE), "Launch process is suspended"),
            pair("The masters stand in at least two availability zones", Fault.MASTERS_ONE_AZ,
                    "it needs subnets in two zones"),
            pair("Requests through the domain reach every healthy master, and only them", Fault.LB_STICKY,
                    "the load balancer does not spread requests"),
            pair("Every running media instance is registered with OpenVidu, and nothing else is", Fault.CLUSTER_UNSTABLE,
                    "is registered but disconnected"),
            pair("Media nodes cannot be added, changed or removed through the API", Fault.DOMAIN_ELSEWHERE,
                    "Expected 405"),
            pair("Every master serves the same configuration", Fault.CONFIG_DRIFT,
                    "Masters disagree on OPENVIDU_STREAMS_VIDEO_MAX_RECV_BANDWIDTH"),
            pair("The cluster reports itself healthy, every master included", Fault.CLUSTER_UNSTABLE,
                    "answered 409 UNSTABLE, expected 200 UP"),
            // openvidu-java-client sends each call twice (without, then with credentials after the 401
            // challenge): over two round-robin masters both authenticated calls would meet the same master.
            new Pair("An application opens a session, hands out a token and closes the session",
                    Set.of(Fault.SESSIONS_NOT_SHARED), Map.of("ovha.twin.masters", "3"), Optional.empty(),
                    "the masters do not share their sessions"),
            pair("A wrong secret is refused on every API path", Fault.DOMAIN_ELSEWHERE,
                    "With a wrong secret, expected 401 on every API path"),
            pair("Requests without credentials are refused on every API path", Fault.DOMAIN_ELSEWHERE,
                    "With no credentials, expected 401 on every API path"),
            pair("Plain HTTP is redirected to HTTPS", Fault.DOMAIN_ELSEWHERE,
                    "expected a redirect (301) to https://127.0.0.1:"),
            pair("The groups' sizes match the stack parameters", Fault.AUTOSCALING_PARAMS_DRIFT,
                    "MaxSize is 6 but the stack parameter MaxMasterNodes is 4"),
            pair("Media nodes scale one at a time with the template's cooldown", Fault.MEDIA_SCALING_POLICY_DRIFT,
                    "policies the template does not create"),
            pair("The media group's lifecycle hooks let the masters follow every launch and termination",
                    Fault.MEDIA_TERMINATE_HOOK_MISSING, "no autoscaling:EC2_INSTANCE_TERMINATING lifecycle hook"),
            pair("The lifecycle and schedule rules are enabled and feed the stack's queue", Fault.EVENTS_NOT_DELIVERED,
                    "has no target, so the events of media nodes launching and terminating reach nobody"),
            pair("The stack's queue is configured as the template made it", Fault.QUEUE_ATTRIBUTES_DRIFT,
                    "MessageRetentionPeriod is 345600 s, the template's is 60 s"),
            pair("A schedule notification reaches some master within two schedule periods", Fault.EVENTS_NOT_CONSUMED,
                    "No master logged a schedule notification"),
            pair("The masters consume the events that reach the queue", Fault.EVENTS_NOT_CONSUMED,
                    "but no master consumes them"),
            pair("The configuration bucket's .env agrees with what the masters serve", Fault.ENV_OUT_OF_SYNC,
                    "OPENVIDU_STREAMS_VIDEO_MAX_SEND_BANDWIDTH: s3://"),
            pair("The media CPU alarms follow the stack's scaling parameters", Fault.ALARM_THRESHOLD_DRIFT,
                    "GreaterThanThreshold 90 %, but the stack parameter ScaleUpMediaNodesAvgCpu is 70 %"),
            pair("Every master sees the same media nodes", Fault.MEDIA_VIEW_DIFFERS,
                    "different lists of media nodes"),
            // @mutating
            pair("Launch and terminate events reach every master", Fault.LAUNCH_NOT_REGISTERED,
                    "do not list media node"),
            pair("Launch and terminate events reach every master", Fault.EVENTS_NOT_DELIVERED,
                    "do not list media node"),
            pair("Launch and terminate events reach every master", Fault.TERMINATE_NOT_DEREGISTERED,
                    "they did not act on its terminate event"),
            pair("A property changed through the API restarts every master and is persisted",
                    Fault.RESTART_NOT_PERSISTED, "did not persist it"),
            pair("With auto-restart on, an edit of the S3 .env restarts every master with the new value",
                    Fault.NO_AUTORESTART, "show no restart since the change"),
            pair("With auto-restart off, an edit of the S3 .env changes nothing until the masters restart",
                    Fault.AUTORESTART_IGNORED, "the masters acted on an .env change although"),
            // @disruptive: each fails fast (a set check, or a wait bounded by the recovery budget).
            pair("A master dies, the stack replaces it, and no session of a surviving master is lost",
                    Fault.SESSIONS_LOST_ON_FAILOVER, "Sessions were lost when master"),
            pair("A master dies, the stack replaces it, and no session of a surviving master is lost",
                    Fault.SLOW_MASTER_REPLACEMENT, "within the recovery budget of 10 s"),
            pair("A media node crashes, the media group replaces it, and its sessions can be rebuilt on another node",
                    Fault.LAUNCH_NOT_REGISTERED,
                    "is not registered with OpenVidu"),
            pair("One availability zone loses its network and the other keeps serving", Fault.NO_MASTER_REPLACEMENT,
                    "Launch process is suspended"),
            pair("CPU load on the media nodes makes the media group grow by one node", Fault.MEDIA_SCALING_POLICY_DRIFT,
                    "should add exactly one node"));

    /** The scenarios of @disruptive features: they kill instances, which the groups replace with new ones. */
    private static final Set<String> DISRUPTIVE = disruptiveScenarios();

    private static Set<String> disruptiveScenarios() {
        Set<String> names = new LinkedHashSet<>();
        try (Stream<java.nio.file.Path> features = java.nio.file.Files.list(java.nio.file.Path.of(InProcessSuite.FEATURES))) {
            for (java.nio.file.Path feature : features.filter(p -> p.toString().endsWith(".feature")).toList()) {
                String text = java.nio.file.Files.readString(feature);
                if (text.lines().takeWhile(l -> !l.strip().startsWith("Feature:")).anyMatch(l -> l.contains("@disruptive"))) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*Scenario: (.+)$").matcher(text);
                    while (m.find()) {
                        names.add(m.group(1).strip());
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return names;
    }

    /** Twins and Cucumber runs are mostly waiting on sockets; three at a time keep two cores busy. */
    private static final ExecutorService RUNNERS = Executors.newFixedThreadPool(3);
    private static final FaultMatrix MATRIX = new FaultMatrix();

    @AfterAll
    static void stopRunnersAndWriteTheMatrix() {
        RUNNERS.shutdownNow();
        if (!MATRIX.isEmpty()) {
            MATRIX.write();
        }
    }

    @Test
    void everyScenarioHasAFaultThatBreaksIt() {
        Set<String> paired = PAIRS.stream().map(Pair::scenario).collect(Collectors.toCollection(LinkedHashSet::new));
        List<ScenarioSource> catalogue = InProcessSuite.catalogue();
        List<String> scenarios = catalogue.stream().map(ScenarioSource::name).toList();
        catalogue.stream().filter(s -> !paired.contains(s.name()))
                .forEach(s -> MATRIX.add(s, Integer.MAX_VALUE, FaultMatrix.Row.unpaired(s)));
        assertThat(scenarios).as("the scenarios under features/").isNotEmpty().doesNotHaveDuplicates();
        assertThat(scenarios).as("scenarios without a fault that makes them fail (add a Pair)")
                .allMatch(paired::contains);
        assertThat(paired).as("pairs naming no scenario (renamed or removed?)").allMatch(scenarios::contains);
    }

    /**
     * The matrix: every scenario on one healthy twin (each must pass and leave the twin as it found it), and
     * every pair on a fresh twin under its fault (each must fail with its fragment), three twins at a time;
     * each outcome is a row of {@code reports/selftest/fault-matrix.json}, written even when some fail.
     */
    @TestFactory
    Stream<DynamicTest> theFaultMatrix() {
        Map<String, ScenarioSource> sources = InProcessSuite.catalogue().stream()
                .collect(Collectors.toMap(ScenarioSource::name, s -> s, (a, b) -> a, LinkedHashMap::new));
        Future<HealthyRun> healthyRun = RUNNERS.submit(FaultPairingTest::runOnAHealthyTwin);
        // The healthy run alone first: its scenarios that watch events in real time are judged without the
        // pairs' twins competing for the two cores; the pairs then run three at a time.
        try {
            healthyRun.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // Reported by the healthy rows' tests below.
        }
        List<Future<ScenarioOutcome>> outcomes = new ArrayList<>();
        for (Pair pair : PAIRS) {
            outcomes.add(RUNNERS.submit(() -> runUnderFault(pair)));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (ScenarioSource source : sources.values()) {
            tests.add(DynamicTest.dynamicTest(source.name() + " passes on a healthy twin", () -> {
                InProcessSuite.Run run = healthyRun.get().run();
                ScenarioOutcome outcome = run.scenarios().getOrDefault(source.name(), new ScenarioOutcome(source.name(),
                        "broken", run.runFailure().map(e -> "the run stopped: " + e).orElse("the scenario did not run")));
                MATRIX.add(source, 0, FaultMatrix.Row.healthy(source, outcome));
                assertThat(outcome.verdict()).as(outcome.toString()).isEqualTo("passed");
            }));
        }
        tests.add(DynamicTest.dynamicTest("every scenario leaves the healthy twin as it found it", () -> {
            HealthyRun healthy = healthyRun.get();
            assertThat(healthy.run().runFailure()).as("run-level failure").isEmpty();
            assertThat(healthy.leftovers()).as("scenarios that left the twin changed").isEmpty();
            assertThat(healthy.run().scenarios().keySet()).containsExactlyInAnyOrderElementsOf(sources.keySet());
        }));
        for (int i = 0; i < PAIRS.size(); i++) {
            Pair pair = PAIRS.get(i);
            int order = i + 1;
            Future<ScenarioOutcome> outcome = outcomes.get(i);
            tests.add(DynamicTest.dynamicTest(pair.toString(), () -> {
                ScenarioOutcome result = outcome.get();
                // The verdict and message as a QA reader would get them, in the test's output file.
                System.out.println(pair + " ->" + System.lineSeparator() + "  " + result);
                ScenarioSource source = sources.get(pair.scenario());
                if (source != null) {
                    MATRIX.add(source, order, FaultMatrix.Row.underFault(source, pair, result));
                }
                assertThat(source).as("a scenario named '" + pair.scenario() + "' under features/").isNotNull();
                assertThat(result.verdict()).as(result.toString()).isEqualTo("failed");
                assertThat(result.message()).as("the failure names the defect").contains(pair.fragment());
            }));
        }
        return tests.stream();
    }

    /** The healthy run, and what each scenario left changed on the twin (nothing, if all is well). */
    private record HealthyRun(InProcessSuite.Run run, Map<String, List<String>> leftovers) {
    }

    /**
     * Every scenario on one healthy twin, each checked to leave it as it found it: after each one (its
     * rollbacks included) the groups' sizes and members, the buckets' objects and the masters' configuration
     * are back, once the masters have finished the restarts an undo may have started.
     */
    private static HealthyRun runOnAHealthyTwin() {
        try (FaultedTwin healthy = FaultedTwin.start(Set.of(), Map.of(), Optional.empty())) {
            Map<String, List<String>> leftovers = new LinkedHashMap<>();
            InProcessSuite.ScenarioWatch watch = new InProcessSuite.ScenarioWatch() {
                private TwinState before;

                @Override
                public void started(String scenario) {
                    before = TwinState.of(healthy.twin());
                }

                private List<String> differences(String scenario, TwinState before) {
                    TwinState now = TwinState.of(healthy.twin());
                    return DISRUPTIVE.contains(scenario) ? now.differencesAfterFault(before) : now.differencesFrom(before);
                }

                @Override
                public void finished(String scenario) {
                    try {
                        Eventually.that("the twin as before " + scenario, healthy.env().config().timeouts())
                                .observing(() -> differences(scenario, before))
                                .until(List::isEmpty);
                    } catch (AssertionError e) {
                        leftovers.put(scenario, differences(scenario, before));
                    }
                }
            };
            return new HealthyRun(InProcessSuite.run(healthy.env(), Optional.empty(), Optional.empty(), watch), leftovers);
        }
    }

    private static ScenarioOutcome runUnderFault(Pair pair) {
        try (FaultedTwin broken = FaultedTwin.start(pair.faults(), pair.settings(), pair.symptom())) {
            InProcessSuite.Run run = InProcessSuite.run(broken.env(), Optional.of(pair.scenario()));
            if (run.runFailure().isPresent()) {
                return new ScenarioOutcome(pair.scenario(), "broken", "the run stopped: " + run.runFailure().get());
            }
            ScenarioOutcome outcome = run.scenarios().get(pair.scenario());
            return outcome != null ? outcome
                    : new ScenarioOutcome(pair.scenario(), "broken", "the scenario did not run; ran " + run.scenarios().keySet());
        }
    }

}
