package dev.ovha.twin.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer in AWS's shape: HTTP status, error code and message, as the real service words them.
 * Services throw it; the protocol codec renders it.
 */
public final class AwsError extends RuntimeException {

    private final int status;
    private final String code;
    private final boolean senderFault;
    private final Map<String, String> details = new LinkedHashMap<>();

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

    /**
     * Adds a detail element that the error body carries after the message — S3 names the resource
     * ({@code <Key>}, {@code <BucketName>}, {@code <ArgumentName>}…); other codecs ignore details.
     */
    public AwsError with(String name, String value) {
        if (value != null) {
            details.put(name, value);
        }
        return this;
    }

    public Map<String, String> details() {
        return Collections.unmodifiableMap(details);
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
