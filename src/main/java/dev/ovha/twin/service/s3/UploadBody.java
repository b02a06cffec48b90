package dev.ovha.twin.service.s3;

import dev.ovha.twin.protocol.AwsChunkedBody;
import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.Checksums;
import dev.ovha.twin.protocol.RestRequest;
import dev.ovha.twin.state.ObjectChecksum;
import dev.ovha.twin.state.ObjectUpload;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns a PutObject request into what S3 stores, checking the body's integrity the way S3 does.
 *
 * <p>The body comes plain, or {@code aws-chunked} (what the SDK sends by default: signed chunks over
 * HTTP, unsigned chunks with a trailing checksum otherwise), and is decoded to the real bytes. A
 * checksum may come as a header ({@code x-amz-checksum-crc32: …}, {@code Content-MD5}, a hex
 * {@code x-amz-content-sha256}) or as a trailer after the last chunk; every one given is verified and a
 * mismatch is refused, so a client that corrupts or truncates what it sends sees the same 400 as on AWS.
 */
final class UploadBody {

    private static final List<String> ALGORITHMS = List.of("crc32", "crc32c", "crc64nvme", "sha1", "sha256");
    private static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

    private UploadBody() {
    }

    static ObjectUpload read(RestRequest request) {
        byte[] data;
        Map<String, String> trailers = Map.of();
        if (AwsChunkedBody.isChunked(request)) {
            AwsChunkedBody.Decoded decoded = AwsChunkedBody.decode(request.body());
            data = decoded.data();
            trailers = decoded.trailers();
            checkDecodedLength(request, data.length);
        } else {
            data = request.body();
            checkContentSha256(request, data);
        }
        checkContentMd5(request, data);
        Optional<ObjectChecksum> checksum = checksum(request, trailers, data);
        return new ObjectUpload(data, request.header("Content-Type").orElse(DEFAULT_CONTENT_TYPE),
                contentEncoding(request), metadata(request), checksum);
    }

    private static void checkDecodedLength(RestRequest request, int actual) {
        request.header("x-amz-decoded-content-length").ifPresent(declared -> {
            if (!declared.trim().equals(String.valueOf(actual))) {
                throw new AwsError(400, "IncompleteBody", "You did not provide the number of bytes specified by the "
                        + "x-amz-decoded-content-length HTTP header (" + declared.trim() + "); the aws-chunked body holds "
                        + actual);
            }
        });
    }

    /** A hex value is the SHA-256 of a plain body; the markers (UNSIGNED-PAYLOAD, STREAMING-…) promise nothing. */
    private static void checkContentSha256(RestRequest request, byte[] data) {
        request.header("x-amz-content-sha256").filter(v -> v.matches("[0-9a-fA-F]{64}")).ifPresent(given -> {
            String computed = Checksums.sha256Hex(data);
            if (!computed.equalsIgnoreCase(given)) {
                throw S3Errors.contentSha256Mismatch(given, computed);
            }
        });
    }

    private static void checkContentMd5(RestRequest request, byte[] data) {
        request.header("Content-MD5").ifPresent(given -> {
            if (decodedLength(given) != 16) {
                throw S3Errors.invalidContentMd5();
            }
            String computed = Checksums.md5Base64(data);
            if (!computed.equals(given.trim())) {
                throw S3Errors.contentMd5Mismatch(given.trim(), computed);
            }
        });
    }

    /**
     * The one additional checksum of the upload, verified. {@code x-amz-sdk-checksum-algorithm} only says
     * which one the SDK computed; {@code x-amz-trailer} promises a trailer that must then arrive.
     */
    private static Optional<ObjectChecksum> checksum(RestRequest request, Map<String, String> trailers, byte[] data) {
        Map<String, String> given = new TreeMap<>();
        for (String algorithm : ALGORITHMS) {
            String name = "x-amz-checksum-" + algorithm;
            request.header(name).ifPresent(v -> given.put(algorithm, v.trim()));
            Optional.ofNullable(trailers.get(name)).ifPresent(v -> given.put(algorithm, v));
        }
        request.header("x-amz-trailer").map(t -> t.trim().toLowerCase(Locale.ROOT)).ifPresent(promised -> {
            if (!trailers.containsKey(promised)) {
                throw S3Errors.invalidRequest("The x-amz-trailer header promises the trailer " + promised
                        + ", but the request body ends without it" + (trailers.isEmpty() ? "" : " (trailers: "
                        + String.join(", ", trailers.keySet()) + ")"));
            }
        });
        if (given.size() > 1) {
            throw S3Errors.invalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
        }
        if (given.isEmpty()) {
            if (request.header("x-amz-sdk-checksum-algorithm").isPresent()) {
                throw S3Errors.invalidRequest("x-amz-sdk-checksum-algorithm specified, but no corresponding "
                        + "x-amz-checksum-* or x-amz-trailer headers were found.");
            }
            return Optional.empty();
        }
        String algorithm = given.keySet().iterator().next().toUpperCase(Locale.ROOT);
        String value = given.values().iterator().next();
        if (decodedLength(value) != Checksums.length(algorithm)) {
            throw S3Errors.invalidRequest("Value for x-amz-checksum-" + algorithm.toLowerCase(Locale.ROOT)
                    + " header is invalid.");
        }
        Optional<String> computed = Checksums.base64(algorithm, data);
        if (computed.isPresent() && !computed.get().equals(value)) {
            throw S3Errors.checksumMismatch(algorithm);
        }
        return Optional.of(new ObjectChecksum(algorithm, value));
    }

    /** The stored Content-Encoding: the request's, without the transfer-only {@code aws-chunked}. */
    private static Optional<String> contentEncoding(RestRequest request) {
        return request.header("Content-Encoding")
                .map(e -> Arrays.stream(e.split(",")).map(String::trim)
                        .filter(t -> !t.isEmpty() && !t.equalsIgnoreCase("aws-chunked"))
                        .collect(Collectors.joining(",")))
                .filter(e -> !e.isEmpty());
    }

    /** {@code x-amz-meta-*} headers, keyed without the prefix in lower case, as S3 stores them. */
    private static Map<String, String> metadata(RestRequest request) {
        Map<String, String> metadata = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-meta-") && lower.length() > "x-amz-meta-".length()) {
                metadata.put(lower.substring("x-amz-meta-".length()), value);
            }
        });
        return metadata;
    }

    private static int decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim()).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
