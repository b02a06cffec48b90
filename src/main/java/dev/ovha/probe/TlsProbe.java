package dev.ovha.probe;

import dev.ovha.tls.PemTrust;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Looks at the certificate a host serves: one TLS handshake whose chain is verified against the JDK's
 * CAs (plus extra ones, e.g. the twin's), then host-name validity and expiry read from the leaf, so that
 * a certificate for the wrong host is reported as such instead of ending in a handshake error.
 */
public final class TlsProbe {
    private static final int TIMEOUT_MILLIS = 10_000;

    private final Optional<String> extraCaPem;
    private final Clock clock;

    public TlsProbe(Optional<String> extraCaPem, Clock clock) {
        this.extraCaPem = extraCaPem;
        this.clock = clock;
    }

    /**
     * @throws IOException for every failure to get a verified certificate: the host does not resolve,
     *                     refuses, times out, or its chain is not trusted (javax.net.ssl.SSLHandshakeException)
     */
    public ServedCertificate probe(String host, int port) throws IOException {
        SSLContext context = context();
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            SSLParameters parameters = socket.getSSLParameters();
            if (!HostNames.isIpLiteral(host)) {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            // Chain verification stays on (the trust manager); the host name is checked below, by us,
            // so that a wrong-host certificate becomes a finding rather than a handshake failure.
            parameters.setEndpointIdentificationAlgorithm(null);
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            List<String> names = names(leaf);
            boolean valid = names.stream().anyMatch(name -> HostNames.covers(name, host));
            return new ServedCertificate(host, leaf.getSubjectX500Principal().getName(),
                    leaf.getIssuerX500Principal().getName(), names, leaf.getNotAfter().toInstant(), valid,
                    clock.instant());
        }
    }

    private SSLContext context() {
        try {
            X509TrustManager trust = extraCaPem.isPresent() ? PemTrust.trustManager(extraCaPem.get())
                    : PemTrust.defaultTrustManager();
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS trust for the probe: " + e.getMessage(), e);
        }
    }

    private static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            if (certificate.getSubjectAlternativeNames() != null) {
                for (List<?> entry : certificate.getSubjectAlternativeNames()) {
                    int type = (Integer) entry.get(0);
                    if (type == 2 || type == 7) { // dNSName, iPAddress
                        names.add(String.valueOf(entry.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new IllegalStateException("the served certificate's names cannot be read: " + e.getMessage(), e);
        }
        return names;
    }
}
