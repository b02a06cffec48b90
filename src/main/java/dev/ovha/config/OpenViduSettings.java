package dev.ovha.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How the harness reaches OpenVidu, as configured; what is unset is discovered from the stack.
 *
 * @param url      the HTTPS base URL; empty means {@code https://<DomainName>}
 * @param httpUrl  the plain-HTTP URL of the load balancer; empty means {@code http://<host of url>}
 * @param secret   the OpenVidu secret; required for a live stack, the twin knows its own
 * @param attempts attempts per REST call that the vendor says to retry, at least 1
 */
public record OpenViduSettings(Optional<URI> url, Optional<URI> httpUrl, Optional<Secret> secret, int attempts) {
    public OpenViduSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(httpUrl, "httpUrl");
        Objects.requireNonNull(secret, "secret");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
    }
}
