package dev.ovha.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovha.openvidu.OpenViduEndpoint;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;

/**
 * Asks the OpenVidu API at a fixed rate, in the background, what any user of the cluster would ask, and
 * records every answer: when it was asked, how long it took, the status or the error class, and which
 * master answered ({@code AWS_INSTANCE_ID} in the body of {@code /openvidu/api/config}).
 *
 * <p>Requests are sent on schedule whether or not earlier ones have answered (an open loop): a slow or
 * hanging master must not slow the prober down, or the error window it measures would shrink exactly when
 * things go wrong. Each request is bounded by the configured timeout.
 */
public final class AvailabilityProber implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSTANCE_ID = "AWS_INSTANCE_ID";

    private final ProbeSettings settings;
    private final URI url;
    private final String authorization;
    private final HttpClient http;
    private final ScheduledExecutorService ticker;
    private final AtomicLong seq = new AtomicLong();
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private final List<ProbeSample> samples = new ArrayList<>();
    private final List<TimelineMarker> markers = new ArrayList<>();
    private final Instant started;
    private Instant stopped;

    private AvailabilityProber(OpenViduEndpoint endpoint, ProbeSettings settings, HttpClient http) {
        this.settings = settings;
        this.url = OpenViduHttpClients.resolve(endpoint, settings.path());
        this.authorization = OpenViduHttpClients.basicAuthorization(endpoint);
        this.http = http;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ovha-availability-prober");
            thread.setDaemon(true);
            return thread;
        });
        this.started = Instant.now();
    }

    /**
     * Starts probing; {@link #stop()} ends it and returns what was seen. One unrecorded request goes first
     * (bounded by the timeout, its outcome ignored): a cold JVM's first TLS handshake and class loading take
     * a second or two, which must not show up as an outage of the stack.
     */
    public static AvailabilityProber start(OpenViduEndpoint endpoint, ProbeSettings settings) {
        return start(endpoint, settings, OpenViduHttpClients.of(endpoint, settings.timeout()));
    }

    /**
     * Starts probing through a client that is already connected ({@link OpenViduHttpClients#of}), so that its
     * open keep-alive connections carry over: at a high rate, a cold client opens a connection (and a TLS
     * handshake) for every request sent while the first ones are still slow.
     */
    public static AvailabilityProber start(OpenViduEndpoint endpoint, ProbeSettings settings, HttpClient http) {
        AvailabilityProber prober = new AvailabilityProber(endpoint, settings, http);
        prober.warmUp();
        long period = settings.interval().toNanos();
        prober.ticker.scheduleAtFixedRate(prober::send, 0, period, TimeUnit.NANOSECONDS);
        return prober;
    }

    /** Adds a marker at this moment. */
    public void mark(String label) {
        mark(label, Instant.now());
    }

    /** Adds a marker at a moment observed elsewhere (an AWS event's time, for instance). */
    public synchronized void mark(String label, Instant at) {
        markers.add(new TimelineMarker(label, at));
    }

    /** What has been seen so far; probing goes on. */
    public synchronized Timeline snapshot() {
        return new Timeline(url.toString(), settings.interval(), started, stopped == null ? Instant.now() : stopped,
                List.copyOf(samples), List.copyOf(markers));
    }

    /**
     * Stops sending, lets the requests in flight finish (each is bounded by the timeout), and returns the
     * timeline. Calling it again returns the same timeline.
     */
    public Timeline stop() {
        synchronized (this) {
            if (stopped != null) {
                return snapshot();
            }
            ticker.shutdownNow();
        }
        List<CompletableFuture<?>> pending = List.copyOf(inFlight);
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(settings.timeout().plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Each request records its own outcome; one that never completed is simply not in the timeline.
        }
        synchronized (this) {
            stopped = Instant.now();
            return snapshot();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void warmUp() {
        try {
            http.send(request(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // Whatever is wrong will show in the recorded requests.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest request() {
        return HttpRequest.newBuilder(url).GET().timeout(settings.timeout()).header("Authorization", authorization)
                .build();
    }

    private void send() {
        long number = seq.incrementAndGet();
        HttpRequest request = request();
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        CompletableFuture<HttpResponse<String>> future;
        try {
            future = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        } catch (RuntimeException e) {
            record(new ProbeSample(number, start, millisSince(t0), null, errorClass(e), null));
            return;
        }
        CompletableFuture<?> done = future.handle((response, failure) -> {
            double latency = millisSince(t0);
            record(failure == null
                    ? new ProbeSample(number, start, latency, response.statusCode(), null, instanceId(response))
                    : new ProbeSample(number, start, latency, null, errorClass(failure), null));
            return null;
        });
        inFlight.add(done);
        done.whenComplete((ignored, e) -> inFlight.remove(done));
    }

    private synchronized void record(ProbeSample sample) {
        samples.add(sample);
    }

    private static double millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000.0;
    }

    private static String instanceId(HttpResponse<String> response) {
        String body = response.body();
        if (response.statusCode() != 200 || body == null || !body.contains(INSTANCE_ID)) {
            return null;
        }
        try {
            JsonNode id = JSON.readTree(body).path(INSTANCE_ID);
            return id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A short, stable name for what went wrong; never the message, which may quote a URL or a header. */
    static String errorClass(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect-timeout";
        }
        if (cause instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (cause instanceof ConnectException) {
            return "connect";
        }
        if (cause instanceof SSLException) {
            return "tls";
        }
        if (cause instanceof IOException) {
            return "io";
        }
        return "error:" + cause.getClass().getSimpleName();
    }
}
