package dev.ovha.twin.protocol;

/**
 * An error answer in AWS's shape: HTTP status, error code and message, as the real service words them.
 * Services throw it; the protocol codec renders it.
 */
public final class AwsError extends RuntimeException {

    private final int status;
    private final String code;
    private final boolean senderFault;

    public AwsError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.senderFault = status < 500;
    }

    /** 400 with the given code: the caller sent something the service rejects. */
    public static AwsError badRequest(String code, String message) {
        return new AwsError(400, code, message);
    }

    /** The query services' catch-all 400. */
    public static AwsError validation(String message) {
        return badRequest("ValidationError", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean senderFault() {
        return senderFault;
    }
}
