package dev.ovha.twin.openvidu.lb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.ovha.twin.edge.ExchangeReplies;
import dev.ovha.twin.openvidu.MasterNode;
import dev.ovha.twin.openvidu.OpenViduCluster;
import dev.ovha.twin.openvidu.rest.OpenViduRestApi;
import dev.ovha.twin.openvidu.rest.RestRequest;
import dev.ovha.twin.protocol.HttpReply;
import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.state.Target;
import dev.ovha.twin.state.TargetGroup;
import dev.ovha.twin.state.TargetHealthState;
import dev.ovha.twin.state.World;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The stack's Application Load Balancer as clients meet it: HTTPS on 127.0.0.1 with a certificate for
 * {@code localhost} and {@code 127.0.0.1} from the twin's CA, and the template's listener rules —
 * {@code /} answers a fixed 401, {@code /inspector} redirects, everything else is forwarded round-robin
 * to the target group's healthy targets. Routing reads the same target states DescribeTargetHealth
 * reports, at the same instant: a request sent to a healthy target whose master no longer serves gets
 * 502; with no healthy target, 503. A plain-HTTP listener redirects to HTTPS with 301.
 */
public final class LoadBalancerFrontend implements AutoCloseable {

    private static final List<String> HOSTS = List.of("localhost", "127.0.0.1");

    private final Supplier<World> world;
    private final TwinCertificateAuthority authority = new TwinCertificateAuthority();
    private final SwappableKeyManager keyManager;
    private final SwappableSslContext serverContext;
    private final HttpsServer https;
    private final HttpServer http;
    private volatile ApiFor api = new ApiFor(null, null, new AtomicLong());

    /**
     * The REST API of the current cluster and its round-robin position: a reset brings a new cluster
     * and starts the rotation again, so what happens after a reset does not depend on earlier traffic.
     */
    private record ApiFor(OpenViduCluster cluster, OpenViduRestApi api, AtomicLong roundRobin) {
    }

    public LoadBalancerFrontend(Supplier<World> world, Executor executor) {
        this.world = world;
        this.keyManager = new SwappableKeyManager(authority.issue(HOSTS, Duration.ofDays(365)));
        this.serverContext = SwappableSslContext.of(tlsContext());
        try {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            this.https = HttpsServer.create(new InetSocketAddress(loopback, 0), 256);
            this.https.setHttpsConfigurator(new HttpsConfigurator(serverContext));
            this.https.createContext("/", this::serve);
            this.https.setExecutor(executor);
            this.http = HttpServer.create(new InetSocketAddress(loopback, 0), 64);
            this.http.createContext("/", this::redirectToHttps);
            this.http.setExecutor(executor);
        } catch (IOException e) {
            throw new UncheckedIOException("the twin's load balancer could not open its ports", e);
        }
    }

    public void start() {
        https.start();
        http.start();
    }

    public URI httpsUrl() {
        return URI.create("https://127.0.0.1:" + https.getAddress().getPort());
    }

    public URI httpUrl() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** The CA certificate clients must trust, in PEM. */
    public String caPem() {
        return authority.pem();
    }

    /**
     * Re-issues the served certificate for the faults now active: {@code cert-wrong-host} names another
     * host, {@code cert-expiring} expires in 7 days, {@code cert-expired} expired 3 days ago. New TLS
     * handshakes see it at once.
     */
    public void applyCertificateFaults(Set<Fault> faults) {
        List<String> hosts = faults.contains(Fault.CERT_WRONG_HOST) ? List.of("wrong-host.ovha.test") : HOSTS;
        Duration validity = faults.contains(Fault.CERT_EXPIRING) ? Duration.ofDays(7) : Duration.ofDays(365);
        keyManager.use(faults.contains(Fault.CERT_EXPIRED)
                ? authority.issue(hosts, Instant.now().minus(Duration.ofDays(90)), Instant.now().minus(Duration.ofDays(3)))
                : authority.issue(hosts, validity));
        // A new server context forgets its TLS sessions, so clients cannot resume one made with the old
        // certificate: every new connection sees the new one (open keep-alive connections keep theirs,
        // as they would on a real load balancer).
        serverContext.use(tlsContext());
    }

    private SSLContext tlsContext() {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(new KeyManager[]{keyManager}, null, null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the twin's load balancer could not set up TLS", e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            HttpReply reply;
            if (domainElsewhere()) {
                reply = foreignServerReply();
            } else if (path.equals("/")) {
                reply = balancerReply(401, "");
            } else if (path.equals("/inspector")) {
                exchange.getResponseHeaders().set("Location", "/inspector/");
                reply = balancerReply(301, "");
            } else {
                Map<String, String> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
                reply = forward(new RestRequest(exchange.getRequestMethod(), path, uri.getRawQuery(), headers, body));
            }
            ExchangeReplies.write(exchange, reply);
        }
    }

    private HttpReply forward(RestRequest request) {
        World current = world.get();
        OpenViduCluster cluster = current.openVidu();
        return current.sim().locked(() -> {
            TargetGroup group = current.elb().targetGroup(current.topology().targetGroupArn()).orElseThrow();
            List<Target> healthy = group.targets().stream().filter(t -> t.state() == TargetHealthState.HEALTHY).toList();
            if (healthy.isEmpty()) {
                return balancerReply(503, "<html><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>");
            }
            ApiFor cached = api;
            if (cached.cluster() != cluster) {
                cached = new ApiFor(cluster, new OpenViduRestApi(cluster), new AtomicLong());
                api = cached;
            }
            int index = current.sim().has(Fault.LB_STICKY) ? 0 : (int) (cached.roundRobin().getAndIncrement() % healthy.size());
            String instanceId = healthy.get(index).id();
            MasterNode master = cluster.master(instanceId).orElse(null);
            if (master == null || !cluster.serves(instanceId)) {
                return balancerReply(502, "<html><body><center><h1>502 Bad Gateway</h1></center></body></html>");
            }
            return cached.api().handle(master, request);
        });
    }

    /** Fault {@code domain-elsewhere}: the domain's DNS record points at some other web server. */
    private boolean domainElsewhere() {
        return world.get().sim().has(Fault.DOMAIN_ELSEWHERE);
    }

    /** What a default web server answers to any request: 200 and its welcome page. */
    private static HttpReply foreignServerReply() {
        return new HttpReply(200, "text/html", Map.of("Server", "Apache/2.4.58 (Ubuntu)"),
                "<html><body><h1>It works!</h1></body></html>".getBytes(StandardCharsets.UTF_8));
    }

    private static HttpReply balancerReply(int status, String html) {
        return new HttpReply(status, "text/html", Map.of("Server", "awselb/2.0"), html.getBytes(StandardCharsets.UTF_8));
    }

    private void redirectToHttps(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (domainElsewhere()) {
                ExchangeReplies.write(exchange, foreignServerReply());
                return;
            }
            URI uri = exchange.getRequestURI();
            String target = httpsUrl() + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            exchange.getResponseHeaders().set("Location", target);
            ExchangeReplies.write(exchange, balancerReply(301, ""));
        }
    }

    @Override
    public void close() {
        https.stop(0);
        http.stop(0);
    }
}
