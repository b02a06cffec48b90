package dev.ovha.twin.openvidu.lb;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * A server TLS context that can be replaced while the server runs. The JDK's HTTPS server takes its
 * context once, at start; certificate faults need every new connection to see the new certificate, and
 * a fresh context also brings fresh session-ticket keys, so clients cannot resume a session made with
 * the old certificate (their resumed session would skip the certificate check).
 */
final class SwappableSslContext extends SSLContext {

    private final Delegating spi;

    private SwappableSslContext(Delegating spi) {
        super(spi, null, "TLS");
        this.spi = spi;
    }

    static SwappableSslContext of(SSLContext initial) {
        return new SwappableSslContext(new Delegating(initial));
    }

    void use(SSLContext next) {
        spi.delegate = next;
    }

    private static final class Delegating extends SSLContextSpi {

        private volatile SSLContext delegate;

        private Delegating(SSLContext delegate) {
            this.delegate = delegate;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) {
            throw new UnsupportedOperationException("initialise the delegate context instead");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return delegate.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return delegate.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return delegate.createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return delegate.createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return delegate.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return delegate.getSupportedSSLParameters();
        }
    }
}
