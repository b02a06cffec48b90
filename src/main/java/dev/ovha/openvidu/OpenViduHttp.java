package dev.ovha.openvidu;

import dev.ovha.report.Evidence;
import dev.ovha.report.HttpExchangeRecord;
import dev.ovha.report.Redactor;
import dev.ovha.tls.PemTrust;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.entity.BufferedHttpEntity;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.util.EntityUtils;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;

/**
 * One HTTP exchange with the stack through RestAssured: TLS verified against the JDK's CAs plus the
 * endpoint's extra ones (never relaxed), redirects not followed (they are answers we check), every
 * exchange reported as evidence with secrets removed. No retries here: {@link OpenViduApi} decides.
 */
final class OpenViduHttp {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    /** Waiting for a pooled connection means one was never given back: fail fast and say so. */
    private static final long POOL_WAIT_MILLIS = 5_000;

    private final RestAssuredConfig config;
    private final Evidence evidence;
    private final Redactor redactor;

    OpenViduHttp(Optional<String> caPem, Evidence evidence, Redactor redactor) {
        this.config = RestAssuredConfig.config()
                .sslConfig(sslConfig(caPem))
                .redirect(RedirectConfig.redirectConfig().followRedirects(false))
                .httpClient(HttpClientConfig.httpClientConfig()
                        // A new client per call (RestAssured's default) but on the shared pool, so the
                        // TLS connection of the previous call is reused; RestAssured still installs the
                        // trust store above on the pool's https scheme.
                        .httpClientFactory(() -> newClient(caPem))
                        .setParam("http.connection.timeout", CONNECT_TIMEOUT_MILLIS)
                        .setParam("http.socket.timeout", READ_TIMEOUT_MILLIS)
                        .setParam("http.conn-manager.timeout", POOL_WAIT_MILLIS)
                        // A pooled connection the server closed is detected before it is used.
                        .setParam("http.connection.stalecheck", true));
        this.evidence = evidence;
        this.redactor = redactor;
    }

    /**
     * Sends one request and returns whatever came back.
     *
     * @throws OpenViduUnreachable when no HTTP answer came (refused, timed out, DNS, TLS)
     */
    HttpAnswer exchange(URI base, String method, String path, Optional<String> authorization, Optional<String> jsonBody) {
        RequestSpecification request = RestAssured.given()
                .config(config)
                .baseUri(base.toString())
                .urlEncodingEnabled(false)
                .filter(new EvidenceFilter())
                .header("Accept", "application/json, */*");
        authorization.ifPresent(value -> request.header("Authorization", value));
        jsonBody.ifPresent(body -> request.contentType("application/json").body(body));
        String url = base + path;
        Response response;
        try {
            response = request.request(method, path);
        } catch (Exception e) {
            // RestAssured rethrows IOExceptions unchecked; every one of them means "no answer".
            throw new OpenViduUnreachable(method + " " + url + " got no answer: " + NoAnswer.describe(e), e);
        }
        return new HttpAnswer(method, url, response.getStatusCode(), Optional.ofNullable(response.getHeader("Location")),
                Optional.ofNullable(response.getHeader("Content-Type")), redactor.clean(response.asString()));
    }

    @SuppressWarnings("deprecation")
    private static org.apache.http.client.HttpClient newClient(Optional<String> caPem) {
        DefaultHttpClient client = new DefaultHttpClient(KeptAliveConnections.trusting(caPem));
        // Every answer is read whole as it arrives, so its connection goes back to the pool at once,
        // whatever RestAssured later does with the body: some answers (an empty 401, a redirect)
        // would otherwise hold their connection until the pool runs dry.
        client.addResponseInterceptor((HttpResponseInterceptor) (response, context) -> {
            HttpEntity entity = response.getEntity();
            if (entity != null && entity.isStreaming()) {
                response.setEntity(new BufferedHttpEntity(entity));
                EntityUtils.consume(entity);
            }
        });
        return client;
    }

    private static SSLConfig sslConfig(Optional<String> caPem) {
        SSLConfig ssl = SSLConfig.sslConfig();
        if (caPem.isEmpty()) {
            return ssl;
        }
        try {
            // A trust store with the JDK's CAs plus the extra ones; host names are still verified.
            return ssl.trustStore(PemTrust.keyStore(caPem.get()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the extra CA certificates cannot be used: " + e.getMessage(), e);
        }
    }

    /** Reports each exchange, also the ones that got no answer, as redacted evidence. */
    private final class EvidenceFilter implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                               FilterContext context) {
            long started = System.nanoTime();
            Response response = null;
            try {
                response = context.next(request, responseSpec);
                return response;
            } finally {
                record(request, response, (System.nanoTime() - started) / 1_000_000);
            }
        }

        private void record(FilterableRequestSpecification request, Response response, long millis) {
            Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
            for (Header header : request.getHeaders()) {
                requestHeaders.computeIfAbsent(header.getName(), k -> new ArrayList<>())
                        .add(redactor.header(header.getName(), header.getValue()));
            }
            Object body = request.getBody();
            Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
            if (response != null) {
                for (Header header : response.getHeaders()) {
                    responseHeaders.computeIfAbsent(header.getName(), k -> new ArrayList<>())
                            .add(redactor.header(header.getName(), header.getValue()));
                }
            }
            evidence.http(new HttpExchangeRecord(request.getMethod(), request.getURI(), requestHeaders,
                    body == null ? "" : redactor.clean(String.valueOf(body)),
                    response == null ? 0 : response.getStatusCode(), responseHeaders,
                    response == null ? "" : HttpExchangeRecord.truncated(redactor.clean(response.asString())), millis));
        }
    }
}
