package dev.ovha.openvidu;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Says in words why an HTTP request got no answer, from the exception chain the client threw. */
public final class NoAnswer {
    private NoAnswer() {
    }

    /** The kind of failure, for code that reacts to it (the preflight). */
    public enum Kind { UNKNOWN_HOST, REFUSED, TIMEOUT, TLS_UNTRUSTED, TLS_WRONG_HOST, TLS_OTHER, OTHER }

    public static Kind kind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return Kind.UNKNOWN_HOST;
            }
            if (t instanceof ConnectException) {
                return Kind.REFUSED;
            }
            if (t instanceof SocketTimeoutException) {
                return Kind.TIMEOUT;
            }
            if (t instanceof SSLPeerUnverifiedException
                    || (t instanceof SSLException && String.valueOf(t.getMessage()).contains("doesn't match"))) {
                return Kind.TLS_WRONG_HOST;
            }
            if (t instanceof SSLHandshakeException) {
                return String.valueOf(t.getMessage()).contains("PKIX") || String.valueOf(t.getMessage()).contains("certificate")
                        ? Kind.TLS_UNTRUSTED : Kind.TLS_OTHER;
            }
            if (t instanceof SSLException) {
                return Kind.TLS_OTHER;
            }
        }
        return Kind.OTHER;
    }

    public static String describe(Throwable failure) {
        return switch (kind(failure)) {
            case UNKNOWN_HOST -> "the host name does not resolve (" + rootCause(failure) + ")";
            case REFUSED -> "the connection was refused (" + rootCause(failure) + ")";
            case TIMEOUT -> "it timed out (" + rootCause(failure) + ")";
            case TLS_UNTRUSTED -> "the server's certificate is not trusted (" + rootCause(failure) + ")";
            case TLS_WRONG_HOST -> "the server's certificate is not valid for the host (" + rootCause(failure) + ")";
            case TLS_OTHER -> "TLS failed (" + rootCause(failure) + ")";
            case OTHER -> rootCause(failure);
        };
    }

    /** The innermost cause, as {@code SimpleName: message}. */
    public static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
