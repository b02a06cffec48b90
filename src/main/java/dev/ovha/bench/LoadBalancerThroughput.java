package dev.ovha.bench;

import dev.ovha.tls.PemTrust;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinEndpoints;
import dev.ovha.twin.TwinOptions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code scripts/bench-lb}: how many authenticated {@code GET /openvidu/api/config} requests per second
 * the twin's HTTPS load balancer sustains, with latency percentiles and the spread over masters.
 * Usage: {@code scripts/bench-lb [seconds] [concurrency]} (defaults 10 and 8).
 */
public final class LoadBalancerThroughput {

    private LoadBalancerThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        try (Twin twin = Twin.start(TwinOptions.defaults())) {
            TwinEndpoints endpoints = twin.endpoints();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .sslContext(PemTrust.sslContext(endpoints.caPem())).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints.openviduUrl() + "/openvidu/api/config"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("OPENVIDUAPP:" + endpoints.secret()).getBytes(StandardCharsets.UTF_8)))
                    .build();
            run(http, request, Duration.ofSeconds(2), concurrency, new ConcurrentHashMap<>());
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            List<Long> latencies = run(http, request, Duration.ofSeconds(seconds), concurrency, statuses);
            double elapsed = (System.nanoTime() - start) / 1e9;
            Collections.sort(latencies);
            int ok = statuses.getOrDefault(200, new AtomicInteger()).get();
            System.out.printf("twin load balancer: %d requests in %.1f s with %d clients%n", latencies.size(), elapsed, concurrency);
            System.out.printf("  throughput   %.0f requests/s (%d answered 200)%n", latencies.size() / elapsed, ok);
            System.out.printf("  latency      p50 %.1f ms   p95 %.1f ms   p99 %.1f ms%n", pct(latencies, 50), pct(latencies, 95), pct(latencies, 99));
            System.out.printf("  statuses     %s%n", statuses);
        }
    }

    private static List<Long> run(HttpClient http, HttpRequest request, Duration duration, int concurrency,
                                  Map<Integer, AtomicInteger> statuses) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    mine.add(System.nanoTime() - t0);
                    statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> worker : workers) {
            all.addAll(worker.get());
        }
        pool.shutdown();
        return all;
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }
}
