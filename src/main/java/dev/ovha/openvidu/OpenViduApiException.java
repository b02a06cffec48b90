package dev.ovha.openvidu;

/**
 * The OpenVidu API answered contrary to its documentation: an unexpected status, or a body that is not
 * the documented JSON. Carries the status and the (redacted) body.
 *
 * <p>It is an {@link AssertionError} on purpose: by the time scenarios run, the preflight has shown
 * that the harness can reach and authenticate to the stack, so a wrong answer is the stack breaking a
 * promise, which is what a failed verdict means.
 */
public class OpenViduApiException extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String body;

    public OpenViduApiException(String message, int status, String body) {
        super(message);
        this.status = status;
        this.body = body;
    }

    /** The HTTP status, or 0 when the stack gave no answer at all. */
    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
