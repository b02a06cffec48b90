package dev.ovha.bench;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.ovha.aws.AwsClients;
import dev.ovha.config.Timeouts;
import dev.ovha.eventually.Eventually;
import dev.ovha.openvidu.OpenViduEndpoint;
import dev.ovha.probe.AvailabilityProber;
import dev.ovha.probe.ErrorWindow;
import dev.ovha.probe.OpenViduHttpClients;
import dev.ovha.probe.ProbeSample;
import dev.ovha.probe.ProbeSettings;
import dev.ovha.probe.Timeline;
import dev.ovha.probe.TimelineReport;
import dev.ovha.testing.TwinFixture;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.sim.TwinEvent;
import dev.ovha.twin.state.GroupInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The availability prober against a twin running in real time while a master is terminated: how many
 * requests per second it sustains, and how far the error window it measures lies from the twin's ground
 * truth — from the moment the instance stopped serving to the moment the load balancer stopped sending it
 * traffic.
 */
final class ProberBench {
    private static final Set<String> LEFT_HEALTHY = Set.of("target.unhealthy", "target.unused", "target.draining");
    /** An answer slower than this is not yet steady state (a loopback answer takes a few ms). */
    private static final double FAST_MILLIS = 200;
    private static final double[] WARM_UP_RATES = {20, 50, 100, 200};
    /** How long each warm-up step must answer fast: long enough for the JIT to compile the TLS code paths. */
    private static final Duration WARM_UP_STEP = Duration.ofSeconds(2);
    private static final Timeouts PATIENT = new Timeouts(Duration.ofSeconds(30), Duration.ofMillis(20));

    /**
     * @param requests         requests recorded
     * @param rps              requests per second, first to last request
     * @param failures         failed requests
     * @param startErrorMillis measured window start minus the instance going down
     * @param endErrorMillis   measured window end minus the target leaving the healthy set
     * @param windowMillis     the measured window's length
     * @param truthMillis      the ground truth's window length
     * @param problem          why the window could not be compared; null when it could
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Result(double rate, double timeScale, int requests, double rps, int failures, long startErrorMillis,
                  long endErrorMillis, long windowMillis, long truthMillis, String problem) {
        long windowErrorMillis() {
            return Math.max(Math.abs(startErrorMillis), Math.abs(endErrorMillis));
        }
    }

    private ProberBench() {
    }

    static Result run(double rate, double timeScale, Path reportRoot) {
        ProbeSettings settings = new ProbeSettings(rate, "/openvidu/api/config", Duration.ofSeconds(2));
        try (TwinFixture fixture = TwinFixture.of(TwinOptions.defaults().withTimeScale(timeScale))) {
            Twin twin = fixture.twin();
            AwsClients aws = fixture.aws();
            OpenViduEndpoint endpoint = fixture.openViduEndpoint().withAttempts(1);
            // One client throughout: the connections the warm-up opened serve the measured run.
            HttpClient http = OpenViduHttpClients.of(endpoint, settings.timeout());
            warmUp(endpoint, settings, http);
            List<String> masters = twin.inWorld(w -> w.masterGroup().instances().stream()
                    .map(GroupInstance::instanceId).toList());
            String victim = masters.get(0);
            // The SDK loads its EC2 model on the first call: done before the fault, so it does not delay it.
            aws.ec2().describeInstances(r -> r.instanceIds(victim));

            // A quarter of a second of fast answers at full rate before the fault: what follows is the fault's doing.
            AvailabilityProber prober = steady(endpoint, settings, http, (int) Math.max(25, rate / 4));
            long before = twin.events().all().stream().mapToLong(TwinEvent::seq).max().orElse(0);
            aws.ec2().terminateInstances(r -> r.instanceIds(victim));
            prober.mark("fault start: TerminateInstances " + victim);
            TwinEvent replacement = Eventually.that("a replacement master healthy behind the load balancer", PATIENT)
                    .observing(() -> first(twin.events().since(before),
                            e -> e.type().equals("target.healthy") && !masters.contains(e.subject())))
                    .describedBy(found -> "not yet").until(Optional::isPresent).orElseThrow();
            Eventually.that("a second of probing after recovery", PATIENT).observing(Instant::now)
                    .until(now -> now.isAfter(replacement.realTime().plusSeconds(1)));
            Timeline timeline = prober.stop();

            List<TwinEvent> truth = twin.events().since(before);
            Optional<TwinEvent> down = first(truth, e -> e.type().equals("instance.shutting-down") && e.subject().equals(victim));
            Optional<TwinEvent> left = first(truth, e -> LEFT_HEALTHY.contains(e.type()) && e.subject().equals(victim));
            left.ifPresent(e -> prober.mark(e.type().replace('.', ' '), e.realTime()));
            prober.mark("replacement healthy", replacement.realTime());
            write(reportRoot, prober.stop());
            return compare(rate, timeScale, timeline, down, left);
        }
    }

    private static Result compare(double rate, double timeScale, Timeline timeline, Optional<TwinEvent> down,
                                  Optional<TwinEvent> left) {
        List<ProbeSample> samples = timeline.samples();
        double span = samples.size() < 2 ? 0
                : Duration.between(samples.get(0).start(), samples.get(samples.size() - 1).start()).toNanos() / 1e9;
        double rps = span == 0 ? 0 : (samples.size() - 1) / span;
        int failures = timeline.requests() - timeline.successes();
        if (down.isEmpty() || left.isEmpty()) {
            return new Result(rate, timeScale, timeline.requests(), rps, failures, 0, 0, 0, 0,
                    "the ground truth has no outage of the victim");
        }
        // The window the termination caused: the one that overlaps the ground truth's outage.
        Optional<ErrorWindow> measured = timeline.errorWindows().stream()
                .filter(w -> !w.end().isBefore(down.get().realTime()) && !w.start().isAfter(left.get().realTime()))
                .max(java.util.Comparator.comparingInt(ErrorWindow::failures));
        if (measured.isEmpty()) {
            return new Result(rate, timeScale, timeline.requests(), rps, failures, 0, 0, 0, 0,
                    "the prober saw no error window during the outage");
        }
        ErrorWindow window = measured.get();
        return new Result(rate, timeScale, timeline.requests(), rps, failures,
                Duration.between(down.get().realTime(), window.start()).toMillis(),
                Duration.between(left.get().realTime(), window.end()).toMillis(), window.durationMillis(),
                Duration.between(down.get().realTime(), left.get().realTime()).toMillis(), null);
    }

    /**
     * Ramps the rate up, each step until two seconds of answers in a row come fast, and throws those probers away: a cold
     * JVM's first TLS handshakes take seconds on a busy machine, and an open-loop prober at full rate would
     * meanwhile open a connection (and a handshake) per waiting request, which is not what is measured here.
     */
    private static void warmUp(OpenViduEndpoint endpoint, ProbeSettings settings, HttpClient http) {
        for (double step : WARM_UP_RATES) {
            if (step < settings.rate()) {
                ProbeSettings gentler = new ProbeSettings(step, settings.path(), settings.timeout());
                steady(endpoint, gentler, http, (int) (step * WARM_UP_STEP.toMillis() / 1000)).stop();
            }
        }
    }

    /** A prober at the settings' rate whose last {@code count} answers came fast. */
    private static AvailabilityProber steady(OpenViduEndpoint endpoint, ProbeSettings settings, HttpClient http,
                                             int count) {
        AvailabilityProber prober = AvailabilityProber.start(endpoint, settings, http);
        try {
            Eventually.that(count + " fast answers in a row at " + Math.round(settings.rate()) + " requests/s", PATIENT)
                    .observing(() -> prober.snapshot().samples())
                    // Once the twin's load balancer falls behind, an open-loop prober's retries keep it there.
                    .failFastWhen(samples -> samples.size() >= count && samples.subList(samples.size() - count,
                            samples.size()).stream().noneMatch(ProbeSample::ok), samples -> "the twin's load balancer"
                            + " stopped answering in time (" + count + " failures in a row): the machine is too busy")
                    .describedBy(samples -> samples.size() + " answers, the last ones "
                            + samples.subList(Math.max(0, samples.size() - 5), samples.size()).stream()
                            .map(s -> (s.ok() ? s.status() : s.error()) + " in " + Math.round(s.latencyMillis()) + " ms")
                            .toList())
                    .until(samples -> samples.size() >= count && samples.subList(samples.size() - count, samples.size())
                            .stream().allMatch(s -> s.ok() && s.latencyMillis() < FAST_MILLIS));
            return prober;
        } catch (AssertionError e) {
            prober.stop();
            throw e;
        }
    }

    private static void write(Path root, Timeline timeline) {
        try {
            TimelineReport.write(root, "prober master termination", timeline);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the prober's timeline under " + root, e);
        }
    }


    private static Optional<TwinEvent> first(List<TwinEvent> events, Predicate<TwinEvent> which) {
        return events.stream().filter(which).findFirst();
    }
}
