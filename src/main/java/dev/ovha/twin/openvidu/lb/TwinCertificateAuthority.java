package dev.ovha.twin.openvidu.lb;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The twin's own certificate authority, created at start: it issues the load balancer's server
 * certificate, and its PEM is what clients trust explicitly (never by switching verification off).
 * Certificates use real wall-clock validity, because TLS clients check them against the real clock.
 */
public final class TwinCertificateAuthority {

    private static final String SIGNATURE = "SHA256withECDSA";

    private final KeyPair caKeys;
    private final X509Certificate caCertificate;
    private final AtomicLong serial = new AtomicLong(2);

    public TwinCertificateAuthority() {
        try {
            this.caKeys = newKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=ovha twin CA,O=ovha");
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), name, caKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            this.caCertificate = sign(builder, caKeys);
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("the twin could not create its certificate authority", e);
        }
    }

    /** A server key and certificate for {@code hosts} (DNS names or IP literals), valid for {@code validity} from now. */
    public IssuedCertificate issue(List<String> hosts, Duration validity) {
        Instant now = Instant.now();
        return issue(hosts, now.minus(Duration.ofMinutes(5)), now.plus(validity));
    }

    /** A server key and certificate for {@code hosts}, valid from {@code notBefore} to {@code notAfter} (maybe past). */
    public IssuedCertificate issue(List<String> hosts, Instant notBefore, Instant notAfter) {
        try {
            KeyPair keys = newKeyPair();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCertificate,
                    BigInteger.valueOf(serial.getAndIncrement()), Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + hosts.get(0) + ",O=ovha twin"), keys.getPublic());
            GeneralName[] names = hosts.stream()
                    .map(h -> new GeneralName(h.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName, h))
                    .toArray(GeneralName[]::new);
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            return new IssuedCertificate(keys.getPrivate(), new X509Certificate[]{sign(builder, caKeys), caCertificate});
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("the twin could not issue a certificate for " + hosts, e);
        }
    }

    public X509Certificate certificate() {
        return caCertificate;
    }

    /** The CA certificate in PEM, for clients to trust. */
    public String pem() {
        return toPem(caCertificate);
    }

    public static String toPem(X509Certificate certificate) {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer.getPrivate())));
    }

    /** A private key with its chain (leaf first). */
    public record IssuedCertificate(java.security.PrivateKey key, X509Certificate[] chain) {
    }
}
