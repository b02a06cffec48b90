package dev.ovha.target;

import dev.ovha.config.Secret;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about the OpenVidu endpoint before the stack is discovered: configured values for a
 * live stack, or what the embedded twin reports about itself. Whatever is empty is derived from the
 * stack by the preflight, the same way for both targets.
 *
 * @param url     HTTPS base URL; empty means {@code https://<DomainName>}
 * @param httpUrl plain-HTTP URL; empty means {@code http://<host of url>}
 * @param caPem   extra CA certificates to trust
 * @param secret  the OpenVidu secret
 */
public record EndpointOverrides(Optional<URI> url, Optional<URI> httpUrl, Optional<String> caPem,
                                Optional<Secret> secret) {
    public EndpointOverrides {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(httpUrl, "httpUrl");
        Objects.requireNonNull(caPem, "caPem");
        Objects.requireNonNull(secret, "secret");
    }
}
