package dev.ovha.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Trust for TLS connections: the JDK's default CAs plus certificates given explicitly in PEM (the
 * twin's CA, or a corporate proxy's via {@code ovha.tls.ca}). Verification stays on: host names and
 * chains are checked as usual, only the set of trusted roots grows.
 */
public final class PemTrust {

    private PemTrust() {
    }

    /** An SSL context trusting the default CAs and every certificate in {@code pem}. */
    public static SSLContext sslContext(String pem) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{trustManager(pem)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not build a TLS context trusting the given certificates", e);
        }
    }

    /** A trust manager for the default CAs plus the PEM certificates. */
    public static X509TrustManager trustManager(String pem) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(keyStore(pem));
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("the JDK offers no X.509 trust manager");
    }

    /**
     * A trust store holding the default CAs plus the PEM certificates, for HTTP clients that take a
     * {@link KeyStore} rather than an {@link SSLContext} (RestAssured).
     */
    public static KeyStore keyStore(String pem) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        int n = 0;
        for (X509Certificate certificate : defaultTrustManager().getAcceptedIssuers()) {
            store.setCertificateEntry("default-" + n++, certificate);
        }
        for (X509Certificate certificate : parse(pem)) {
            store.setCertificateEntry("extra-" + n++, certificate);
        }
        return store;
    }

    /** Every certificate in a PEM text; none is an error, since trusting nothing extra was surely not meant. */
    public static List<X509Certificate> parse(String pem) throws CertificateException {
        Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        List<X509Certificate> result = new ArrayList<>();
        certificates.forEach(c -> result.add((X509Certificate) c));
        if (result.isEmpty()) {
            throw new CertificateException("no PEM certificate found (expected -----BEGIN CERTIFICATE----- blocks)");
        }
        return result;
    }

    /** The JDK's own trust manager: the default CAs only. */
    public static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("the JDK offers no X.509 trust manager");
    }
}
