package dev.ovha.openvidu;

/**
 * No HTTP answer came: the connection was refused or reset, timed out, or TLS failed (an untrusted
 * certificate, or one not valid for the host). Status 0.
 */
public final class OpenViduUnreachable extends OpenViduApiException {
    private static final long serialVersionUID = 1L;

    public OpenViduUnreachable(String message, Throwable cause) {
        super(message, 0, "");
        initCause(cause);
    }
}
