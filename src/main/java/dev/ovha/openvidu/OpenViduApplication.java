package dev.ovha.openvidu;

import dev.ovha.eventually.Attempt;
import dev.ovha.eventually.Eventually;
import dev.ovha.report.Evidence;
import dev.ovha.report.HttpExchangeRecord;
import dev.ovha.report.Redactor;
import dev.ovha.tls.PemTrust;
import io.openvidu.java.client.Connection;
import io.openvidu.java.client.ConnectionProperties;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduException;
import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduRole;
import io.openvidu.java.client.Session;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactoryBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * An OpenVidu application as any customer writes one: the official {@code openvidu-java-client}
 * against the stack's domain, retrying what the vendor's fault-tolerance sample retries (session
 * creation on 500-504 and 404, connection creation on 500-504). The client's objects stay in here;
 * callers get our records.
 */
public final class OpenViduApplication {
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final String REQUEST = "ovha.request";

    private final OpenViduEndpoint endpoint;
    private final OpenVidu client;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public OpenViduApplication(OpenViduEndpoint endpoint, Evidence evidence, Redactor redactor) {
        this.endpoint = endpoint;
        this.client = new OpenVidu(endpoint.url().toString(), endpoint.secret().reveal(),
                httpClient(endpoint, evidence, redactor));
    }

    /** Creates a session with a server-generated id, as an application does for a new room. */
    public ApplicationSession openSession() {
        Session session = retried("creating a session", RetryPolicy.SESSION_CREATION, () -> client.createSession());
        sessions.put(session.getSessionId(), session);
        return new ApplicationSession(session.getSessionId(), session.createdAt());
    }

    /** Creates a publisher connection in a session this application opened; its token is what a browser joins with. */
    public IssuedConnection connect(ApplicationSession session) {
        Session owned = owned(session);
        Connection connection;
        try {
            connection = retried("creating a connection in session " + session.id(), RetryPolicy.SERVER_ERRORS,
                    () -> owned.createConnection(new ConnectionProperties.Builder().role(OpenViduRole.PUBLISHER)
                            .data("ovha conformance").build()));
        } catch (OpenViduApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            // The session was created a moment ago through the same domain: a master that does not know
            // it is a master that does not share the cluster's sessions.
            throw new OpenViduApiException(e.getMessage() + " (session not found), although this application created"
                    + " it a moment ago through the same domain: the masters do not share their sessions. Every"
                    + " master's replication-manager must reach the stack's ElastiCache Redis (check its security"
                    + " group and the replication-manager logs).", 404, e.body());
        }
        return new IssuedConnection(connection.getConnectionId(), connection.getToken(), connection.getStatus());
    }

    /** The ids of the cluster's active sessions, as the client sees them after {@code fetch()}. */
    public List<String> activeSessionIds() {
        retried("fetching the active sessions", RetryPolicy.SERVER_ERRORS, client::fetch);
        return client.getActiveSessions().stream().map(Session::getSessionId).toList();
    }

    /** Closes a session this application opened. */
    public void close(ApplicationSession session) {
        Session owned = owned(session);
        retried("closing session " + session.id(), RetryPolicy.SERVER_ERRORS, () -> {
            owned.close();
            return Boolean.TRUE;
        });
        sessions.remove(session.id());
    }

    private Session owned(ApplicationSession session) {
        Session owned = sessions.get(session.id());
        if (owned == null) {
            throw new IllegalArgumentException("session " + session.id() + " was not opened by this application");
        }
        return owned;
    }

    /** The client's calls throw checked exceptions; this is their one adapter. */
    @FunctionalInterface
    private interface ClientCall<T> {
        T call() throws OpenViduException;
    }

    private <T> T retried(String what, RetryPolicy policy, ClientCall<T> call) {
        return Eventually.retrying(what, endpoint.attempts(), FIRST_BACKOFF).call(attempt -> {
            try {
                return Attempt.done(call.call());
            } catch (OpenViduHttpException e) {
                OpenViduApiException failure = new OpenViduApiException("openvidu-java-client, " + what + " through "
                        + endpoint.url() + ": the stack answered " + e.getStatus()
                        + (policy.retries(e.getStatus()) ? " on every one of " + endpoint.attempts() + " tries" : ""),
                        e.getStatus(), "");
                if (policy.retries(e.getStatus())) {
                    return Attempt.again(failure);
                }
                throw failure;
            } catch (OpenViduException e) {
                throw new OpenViduUnreachable("openvidu-java-client, " + what + " through " + endpoint.url()
                        + ": no usable answer (" + NoAnswer.describe(e) + ")", e);
            }
        });
    }

    private static HttpClientBuilder httpClient(OpenViduEndpoint endpoint, Evidence evidence, Redactor redactor) {
        HttpClientBuilder builder = HttpClientBuilder.create();
        endpoint.caPem().ifPresent(pem -> builder.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setSSLSocketFactory(SSLConnectionSocketFactoryBuilder.create()
                        .setSslContext(PemTrust.sslContext(pem)).build())
                .build()));
        builder.addRequestInterceptorLast((request, entity, context) -> context.setAttribute(REQUEST, request));
        builder.addResponseInterceptorLast((response, entity, context) ->
                evidence.http(exchange(context, response.getCode(), redactor)));
        return builder;
    }

    /** Method, URL, headers and status of a client exchange; the client consumes the bodies itself. */
    private static HttpExchangeRecord exchange(HttpContext context, int status, Redactor redactor) {
        HttpRequest request = (HttpRequest) context.getAttribute(REQUEST);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String method = "?";
        String url = "?";
        if (request != null) {
            method = request.getMethod();
            try {
                url = request.getUri().toString();
            } catch (java.net.URISyntaxException e) {
                url = request.getRequestUri();
            }
            for (Header header : request.getHeaders()) {
                headers.computeIfAbsent(header.getName(), k -> new java.util.ArrayList<>())
                        .add(redactor.header(header.getName(), header.getValue()));
            }
        }
        return new HttpExchangeRecord(method, url, headers, "(sent by openvidu-java-client)", status, Map.of(),
                "(read by openvidu-java-client)", 0);
    }
}
