package dev.ovha.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.ovha.aws.AwsClients;
import dev.ovha.config.Secret;
import dev.ovha.openvidu.OpenViduEndpoint;
import dev.ovha.testing.TwinFixture;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.sim.TwinEvent;
import dev.ovha.twin.state.GroupInstance;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The prober against a twin running in real time: what it measures when a master is terminated, compared
 * with the twin's ground truth (the moment the instance stopped serving, the moment the load balancer
 * stopped sending it traffic).
 */
class AvailabilityProberTest {
    /** 20 virtual seconds per real second: the outage (about 20 virtual s) lasts about one real second. */
    private static final double TIME_SCALE = 20;
    private static final ProbeSettings FAST = new ProbeSettings(50, "/openvidu/api/config", Duration.ofSeconds(2));
    private static final Set<String> LEFT_HEALTHY = Set.of("target.unhealthy", "target.unused", "target.draining");

    /** The twin's load balancer with one try a call, as these tests have always probed it. */
    private static OpenViduEndpoint endpoint(TwinFixture fixture) {
        return fixture.openViduEndpoint().withAttempts(1);
    }

    @Test
    void aHealthyStackAnswersEveryRequestFromBothMasters() {
        try (TwinFixture fixture = TwinFixture.of(TwinOptions.defaults())) {
            Twin twin = fixture.twin();
            warmUp(endpoint(fixture));
            AvailabilityProber prober = AvailabilityProber.start(endpoint(fixture), FAST);
            await("40 probe answers").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> prober.snapshot().requests() >= 40);
            Timeline timeline = prober.stop();

            assertThat(timeline.successRatio()).isEqualTo(1.0);
            assertThat(timeline.errorWindows()).isEmpty();
            List<String> masters = twin.inWorld(w -> w.masterGroup().instances().stream()
                    .map(GroupInstance::instanceId).toList());
            assertThat(timeline.instanceMix()).containsOnlyKeys(masters);
            assertThat(timeline.samples()).allSatisfy(s -> assertThat(s.latencyMillis()).isPositive());
            double median = timeline.samples().stream().mapToDouble(ProbeSample::latencyMillis).sorted()
                    .skip(timeline.requests() / 2).findFirst().orElseThrow();
            assertThat(median).as("median latency (ms) on loopback").isLessThan(500);
            // Open loop: the pace is the configured one, whatever the answers take.
            double seconds = Duration.between(timeline.samples().get(0).start(),
                    timeline.samples().get(timeline.requests() - 1).start()).toNanos() / 1e9;
            assertThat((timeline.requests() - 1) / seconds).isCloseTo(50, within(10.0));
            assertThat(prober.stop()).isEqualTo(timeline);
        }
    }

    @Test
    void aRefusedConnectionIsAnErrorClassNotAStatus() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port);
        OpenViduEndpoint nowhere = new OpenViduEndpoint(closed, closed, Optional.empty(), Secret.of("s3cr3t"), 1);
        AvailabilityProber prober = AvailabilityProber.start(nowhere, FAST);
        await("5 probe attempts").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> prober.snapshot().requests() >= 5);
        Timeline timeline = prober.stop();

        assertThat(timeline.samples()).allSatisfy(s -> {
            assertThat(s.status()).isNull();
            assertThat(s.error()).isEqualTo("connect");
        });
        assertThat(timeline.successRatio()).isZero();
        assertThat(timeline.summary().toString()).doesNotContain("s3cr3t");
    }

    @Test
    void measuresTheErrorWindowOfAMasterTerminationWithinAFewHundredMillisecondsOfTheTruth() throws Exception {
        try (TwinFixture fixture = TwinFixture.of(TwinOptions.defaults().withTimeScale(TIME_SCALE))) {
            Twin twin = fixture.twin();
            AwsClients aws = fixture.aws();
            warmUp(endpoint(fixture));
            AvailabilityProber prober = AvailabilityProber.start(endpoint(fixture), FAST);
            await("a second of steady answers").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> prober.snapshot().requests() >= 50);
            List<String> masters = twin.inWorld(w -> w.masterGroup().instances().stream()
                    .map(GroupInstance::instanceId).toList());
            String victim = masters.get(0);
            long before = twin.events().all().size();

            // The first call of a client loads the SDK's service model (a second or two): not part of the fault.
            aws.ec2().describeInstances(r -> r.instanceIds(victim));
            aws.ec2().terminateInstances(r -> r.instanceIds(victim));
            prober.mark("fault start: TerminateInstances " + victim);
            TwinEvent replacementHealthy = await("a replacement master healthy behind the load balancer")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> first(twin.events().since(before), e -> e.type().equals("target.healthy")
                            && !masters.contains(e.subject())), Optional::isPresent).orElseThrow();
            await("a second of probing after recovery").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> Instant.now().isAfter(replacementHealthy.realTime().plusSeconds(1)));

            List<TwinEvent> truth = twin.events().since(before);
            TwinEvent down = first(truth, e -> e.type().equals("instance.shutting-down") && e.subject().equals(victim))
                    .orElseThrow();
            TwinEvent leftHealthy = first(truth, e -> LEFT_HEALTHY.contains(e.type()) && e.subject().equals(victim))
                    .orElseThrow();
            TwinEvent launched = first(truth, e -> e.type().equals("instance.pending") && !masters.contains(e.subject())
                    && e.subject().equals(replacementHealthy.subject())).orElseThrow();
            prober.mark(leftHealthy.type().replace('.', ' '), leftHealthy.realTime());
            prober.mark("replacement launched", launched.realTime());
            prober.mark("replacement healthy", replacementHealthy.realTime());
            Timeline timeline = prober.stop();
            TimelineReport.write(TimelineReport.DEFAULT_ROOT, "selftest master termination on the twin", timeline);

            ErrorWindow measured = timeline.longestErrorWindow().orElseThrow();
            assertThat(timeline.errorWindows()).as(timeline.summary().oneLine()).hasSize(1);
            assertThat(millisBetween(down.realTime(), measured.start())).as("error window start vs instance down")
                    .isBetween(-50L, 300L);
            assertThat(millisBetween(leftHealthy.realTime(), measured.end())).as("error window end vs target left")
                    .isBetween(-300L, 300L);
            // Every failure happened while, by the ground truth, the load balancer still sent traffic to the dead
            // master. (How many there are depends on how fast the twin's clock ran on a busy machine.)
            assertThat(measured.failures()).isPositive();
            assertThat(timeline.samples()).filteredOn(s -> !s.ok()).allSatisfy(s -> assertThat(s.start())
                    .isBetween(down.realTime().minusMillis(50), leftHealthy.realTime().plusMillis(50)));
            assertThat(timeline.successRatio()).isBetween(0.5, 0.999);
            assertThat(timeline.outcomes()).containsOnlyKeys("200", "502");
            assertThat(timeline.instanceMix()).containsKeys(masters.get(0), masters.get(1), replacementHealthy.subject());
            assertThat(timeline.markers()).extracting(TimelineMarker::label).containsExactly(
                    "fault start: TerminateInstances " + victim, leftHealthy.type().replace('.', ' '),
                    "replacement launched", "replacement healthy");
        }
    }

    /**
     * Probes until the last 25 answers are all fast successes, then throws that prober away: a cold JVM on a
     * busy two-core machine takes seconds over its first TLS handshakes, which is not what these tests measure.
     */
    private static void warmUp(OpenViduEndpoint endpoint) {
        AvailabilityProber warmUp = AvailabilityProber.start(endpoint, FAST);
        try {
            await("25 fast answers in a row (warm-up)").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        List<ProbeSample> samples = warmUp.snapshot().samples();
                        return samples.size() >= 25 && samples.subList(samples.size() - 25, samples.size()).stream()
                                .allMatch(s -> s.ok() && s.latencyMillis() < 100);
                    });
        } finally {
            warmUp.stop();
        }
    }

    private static Optional<TwinEvent> first(List<TwinEvent> events, java.util.function.Predicate<TwinEvent> which) {
        return events.stream().filter(which).findFirst();
    }

    private static long millisBetween(Instant truth, Instant measured) {
        return Duration.between(truth, measured).toMillis();
    }
}
