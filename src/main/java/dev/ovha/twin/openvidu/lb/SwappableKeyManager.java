package dev.ovha.twin.openvidu.lb;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A key manager whose certificate can be replaced while the server runs, so that certificate faults
 * ({@code cert-wrong-host}, {@code cert-expiring}) can be switched at run time without rebinding ports.
 */
final class SwappableKeyManager extends X509ExtendedKeyManager {

    private static final String ALIAS = "twin";

    private volatile TwinCertificateAuthority.IssuedCertificate current;

    SwappableKeyManager(TwinCertificateAuthority.IssuedCertificate initial) {
        this.current = initial;
    }

    void use(TwinCertificateAuthority.IssuedCertificate certificate) {
        this.current = certificate;
    }

    X509Certificate leaf() {
        return current.chain()[0];
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[]{ALIAS};
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return "EC".equals(keyType) ? ALIAS : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return "EC".equals(keyType) ? ALIAS : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return current.chain().clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return current.key();
    }
}
