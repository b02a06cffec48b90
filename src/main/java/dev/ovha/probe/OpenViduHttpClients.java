package dev.ovha.probe;

import dev.ovha.openvidu.OpenViduEndpoint;
import dev.ovha.tls.PemTrust;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;

/**
 * Plain {@code java.net.http} access to the OpenVidu REST API, for the callers that must not go through the
 * suite's RestAssured client: the availability prober (open-loop and asynchronous, dozens of requests a
 * second, no evidence per request) and the chaos layer's own change-and-undo calls.
 */
public final class OpenViduHttpClients {
    private OpenViduHttpClients() {
    }

    /**
     * An HTTP/1.1 client (the load balancer balances per request over keep-alive connections) that trusts
     * the endpoint's extra CA on top of the JDK's, and follows no redirect (one from the API is a finding).
     */
    public static HttpClient of(OpenViduEndpoint endpoint, Duration connectTimeout) {
        SSLContext tls = endpoint.caPem().map(PemTrust::sslContext).orElseGet(OpenViduHttpClients::defaultTls);
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(tls)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The {@code Authorization} header value; the one place the secret leaves the process. */
    public static String basicAuthorization(OpenViduEndpoint endpoint) {
        return "Basic " + Base64.getEncoder().encodeToString(
                ("OPENVIDUAPP:" + endpoint.secret().reveal()).getBytes(StandardCharsets.UTF_8));
    }

    /** The URL of an API path such as {@code /openvidu/api/config}. */
    public static URI resolve(OpenViduEndpoint endpoint, String path) {
        String base = endpoint.url().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no default TLS context", e);
        }
    }
}
