package dev.ovha.twin.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * One stored S3 object version (the twin keeps no history: a put replaces it). Immutable; the bytes are
 * copied in and out, so two records are equal only if they are the same put — compare ETags to compare
 * contents.
 *
 * @param etag         quoted lower-case hex MD5 of the bytes, as S3 gives for single-part uploads
 * @param lastModified virtual time of the put
 */
public record S3Object(String bucket, String key, byte[] bytes, String contentType, Optional<String> contentEncoding,
                       Map<String, String> metadata, Optional<ObjectChecksum> checksum, String etag,
                       Instant lastModified) {

    public S3Object {
        bytes = bytes.clone();
        metadata = Map.copyOf(metadata);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** The content as UTF-8 text, e.g. the OpenVidu {@code .env}. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The bytes in {@code [from, to]} (inclusive), for range reads; the caller checks the bounds. */
    public byte[] slice(int from, int to) {
        return Arrays.copyOfRange(bytes, from, to + 1);
    }
}
