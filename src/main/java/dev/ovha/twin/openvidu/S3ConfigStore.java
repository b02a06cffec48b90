package dev.ovha.twin.openvidu;

import dev.ovha.twin.state.S3State;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The cluster's {@code .env} as the object {@code .env} at the root of the stack's bucket; its ETag is the version. */
public final class S3ConfigStore implements ConfigStore {

    public static final String KEY = ".env";

    private final S3State s3;
    private final String bucket;

    public S3ConfigStore(S3State s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Optional<Versioned> read() {
        return s3.object(bucket, KEY).map(o -> new Versioned(new String(o.bytes(), StandardCharsets.UTF_8), o.etag()));
    }

    @Override
    public void write(String text) {
        s3.put(bucket, KEY, text.getBytes(StandardCharsets.UTF_8), "text/plain");
    }
}
