package dev.ovha.twin;

import java.net.URI;

/**
 * Where a running twin answers, and with which dummy credentials: what {@code scripts/twin} writes to
 * its endpoints file (field names are a public interface) and what the harness points its drivers at.
 */
public record TwinEndpoints(URI awsEndpoint, String region, String stack, String accessKeyId, String secretAccessKey,
                            URI controlUrl, URI openviduUrl, URI openviduHttpUrl, String caPem, String secret) {

    /** Static credentials the twin hands out; any non-empty key works, these just look the part. */
    public static final String ACCESS_KEY_ID = "AKIAOVHATWIN00000000";
    public static final String SECRET_ACCESS_KEY = "ovha-twin-dummy-secret-access-key";

    @Override
    public String toString() {
        return "TwinEndpoints[awsEndpoint=" + awsEndpoint + ", region=" + region + ", stack=" + stack
                + ", accessKeyId=" + accessKeyId + ", controlUrl=" + controlUrl + ", openviduUrl=" + openviduUrl
                + ", openviduHttpUrl=" + openviduHttpUrl + "]";
    }
}
