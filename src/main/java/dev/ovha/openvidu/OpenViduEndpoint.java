package dev.ovha.openvidu;

import dev.ovha.config.Secret;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the harness reaches a stack's OpenVidu: the HTTPS URL of its domain (through the load
 * balancer), the plain-HTTP URL of the same load balancer, extra CA certificates to trust, the secret,
 * and how many tries a retryable call gets.
 *
 * @param url      HTTPS base URL, e.g. {@code https://ov.example.com}
 * @param httpUrl  plain-HTTP URL of the same load balancer, e.g. {@code http://ov.example.com}
 * @param caPem    extra CA certificates (PEM) to trust on top of the JDK's; verification stays on
 * @param secret   the OpenVidu secret (Basic auth password of user {@code OPENVIDUAPP})
 * @param attempts tries per call the vendor says to retry
 */
public record OpenViduEndpoint(URI url, URI httpUrl, Optional<String> caPem, Secret secret, int attempts) {
    public OpenViduEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(httpUrl, "httpUrl");
        Objects.requireNonNull(caPem, "caPem");
        Objects.requireNonNull(secret, "secret");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
    }

    /** The same endpoint with another number of tries per call. */
    public OpenViduEndpoint withAttempts(int tries) {
        return new OpenViduEndpoint(url, httpUrl, caPem, secret, tries);
    }

    /** The host clients name, which the certificate must be valid for. */
    public String host() {
        return url.getHost();
    }

    /** The HTTPS port, 443 unless the URL says otherwise. */
    public int port() {
        return url.getPort() == -1 ? 443 : url.getPort();
    }

    /** No secret here: the record is printed in logs and messages. */
    @Override
    public String toString() {
        return "OpenViduEndpoint[url=" + url + ", httpUrl=" + httpUrl + ", extraCa=" + caPem.isPresent()
                + ", attempts=" + attempts + "]";
    }
}
