package dev.ovha.twin.state;

import java.util.Map;
import java.util.Optional;

/**
 * What a PutObject stores: the object's real bytes (never a transfer encoding such as aws-chunked), its
 * content type and content encoding, its user metadata (keys without the {@code x-amz-meta-} prefix, lower
 * case as S3 keeps them), and the additional checksum it was uploaded with, if any.
 */
public record ObjectUpload(byte[] bytes, String contentType, Optional<String> contentEncoding,
                           Map<String, String> metadata, Optional<ObjectChecksum> checksum) {

    public ObjectUpload {
        bytes = bytes.clone();
        metadata = Map.copyOf(metadata);
    }

    /** Bytes of the given content type, nothing else: what a seed or a model writes. */
    public static ObjectUpload of(byte[] bytes, String contentType) {
        return new ObjectUpload(bytes, contentType, Optional.empty(), Map.of(), Optional.empty());
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
