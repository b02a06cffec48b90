package dev.ovha.rules;

import dev.ovha.probe.ServedCertificate;
import java.time.ZoneOffset;
import java.util.List;

/** Whether the certificate the domain serves will be accepted by browsers and clients, now and soon. */
public final class CertificateRules {
    private CertificateRules() {
    }

    public static List<String> validForHost(ServedCertificate certificate) {
        if (certificate.validForHost()) {
            return List.of();
        }
        return List.of("The certificate served for " + certificate.host() + " is issued for " + certificate.names()
                + ", not for " + certificate.host() + ": browsers and OpenVidu clients refuse the connection."
                + " Request or import a certificate for the domain in ACM (same region as the stack) and update the"
                + " stack's LoadBalancerCertificateARN parameter.");
    }

    public static List<String> validForAtLeast(ServedCertificate certificate, int days) {
        if (certificate.daysLeft() >= days) {
            return List.of();
        }
        return List.of("The certificate served for " + certificate.host() + " expires on "
                + certificate.notAfter().atOffset(ZoneOffset.UTC).toLocalDate() + " (in " + certificate.daysLeft()
                + " days), within " + days + " days: renew it (ACM renews only certificates it issued and can still"
                + " validate) or import a new one and update LoadBalancerCertificateARN.");
    }
}
