package dev.ovha.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The certificate a host serves, as a TLS client sees it after the chain was verified.
 *
 * @param host        the host name (or IP literal) that was connected to
 * @param subject     the leaf certificate's subject
 * @param issuer      the leaf certificate's issuer
 * @param names       its DNS and IP subject alternative names
 * @param notAfter    end of validity
 * @param validForHost whether one of its names matches {@code host} (RFC 6125 rules, wildcards in the first label)
 * @param probedAt    when it was looked at
 */
public record ServedCertificate(String host, String subject, String issuer, List<String> names, Instant notAfter,
                                boolean validForHost, Instant probedAt) {
    public ServedCertificate {
        names = List.copyOf(names);
    }

    /** Whole days left until it expires, rounded down (negative once expired). */
    public long daysLeft() {
        return Duration.between(probedAt, notAfter).toDays();
    }
}
