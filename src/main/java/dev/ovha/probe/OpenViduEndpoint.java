package dev.ovha.probe;

import dev.ovha.config.Secret;
import dev.ovha.tls.PemTrust;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Where the OpenVidu REST API answers and how to be let in: base URL, the secret for Basic auth, and extra
 * CA certificates to trust (the twin's CA, a corporate proxy's). Verification is never turned off.
 *
 * @param baseUrl the load balancer's URL, e.g. {@code https://openvidu.example.com}
 * @param secret  the OpenVidu secret; {@link #toString()} masks it
 * @param extraCa PEM certificates to trust besides the JDK's, if any
 */
public record OpenViduEndpoint(URI baseUrl, Secret secret, Optional<String> extraCa) {

    public OpenViduEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(extraCa, "extraCa");
    }

    /** The URL of an API path such as {@code /openvidu/api/config}. */
    public URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /**
     * An HTTP/1.1 client (the ALB and the twin balance per request over keep-alive connections) that trusts
     * the extra CA, follows no redirect (a redirect from the API is itself a finding).
     */
    public HttpClient httpClient(Duration connectTimeout) {
        SSLContext tls = extraCa.map(PemTrust::sslContext).orElseGet(OpenViduEndpoint::defaultTls);
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(tls)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The {@code Authorization} header value. The one place the secret leaves the process. */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString(
                ("OPENVIDUAPP:" + secret.reveal()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "OpenViduEndpoint[" + baseUrl + ", secret=" + secret + ", extraCa=" + extraCa.isPresent() + "]";
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no default TLS context", e);
        }
    }
}
