package dev.ovha.twin.service.s3;

import dev.ovha.twin.protocol.HttpDates;
import dev.ovha.twin.protocol.HttpReply;
import dev.ovha.twin.state.S3Object;
import dev.ovha.twin.state.S3State;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** PutObject, GetObject, HeadObject and DeleteObject. The bucket is known to exist. */
final class ObjectHandlers {

    private ObjectHandlers() {
    }

    static HttpReply put(S3Call call, S3State s3) {
        S3Object stored = s3.put(call.bucket(), call.key(), UploadBody.read(call.request()));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", stored.etag());
        // Echo the verified checksum as S3 does; SDK 2.40 reads it into PutObjectResponse.checksumCRC32().
        stored.checksum().ifPresent(c -> {
            headers.put("x-amz-checksum-" + c.algorithm().toLowerCase(Locale.ROOT), c.value());
            headers.put("x-amz-checksum-type", "FULL_OBJECT");
        });
        return call.empty(200, headers);
    }

    /** GetObject and HeadObject: the same headers; HEAD states the length and sends no body. */
    static HttpReply read(S3Call call, S3State s3) {
        S3Object object = s3.object(call.bucket(), call.key()).orElseThrow(() -> S3Errors.noSuchKey(call.key()));
        Map<String, String> headers = call.codec().baseHeaders(call.requestId());
        headers.put("ETag", object.etag());
        headers.put("Last-Modified", HttpDates.format(object.lastModified()));
        if (Preconditions.evaluate(call.request(), object) == Preconditions.Outcome.NOT_MODIFIED) {
            return new HttpReply(304, object.contentType(), headers, new byte[0]);
        }
        headers.put("Accept-Ranges", "bytes");
        object.contentEncoding().ifPresent(e -> headers.put("Content-Encoding", e));
        object.metadata().forEach((k, v) -> headers.put("x-amz-meta-" + k, v));
        Optional<ByteRange> range = ByteRange.resolve(call.request().header("Range"), object.size());
        byte[] body = range.map(r -> object.slice(r.first(), r.last())).orElseGet(object::bytes);
        range.ifPresent(r -> headers.put("Content-Range", r.contentRange(object.size())));
        // Only on request, and only for the whole object: the SDK validates a returned checksum against
        // the bytes it reads, and the full object's checksum cannot match a range.
        boolean checksumMode = call.request().header("x-amz-checksum-mode").filter("ENABLED"::equalsIgnoreCase).isPresent();
        if (checksumMode && range.isEmpty()) {
            object.checksum().ifPresent(c -> {
                headers.put("x-amz-checksum-" + c.algorithm().toLowerCase(Locale.ROOT), c.value());
                headers.put("x-amz-checksum-type", "FULL_OBJECT");
            });
        }
        int status = range.isPresent() ? 206 : 200;
        if (call.request().isHead()) {
            headers.put("Content-Length", String.valueOf(body.length));
            return new HttpReply(status, object.contentType(), headers, new byte[0]);
        }
        return new HttpReply(status, object.contentType(), headers, body);
    }

    /** 204 whether or not the key existed: S3 does not say. */
    static HttpReply delete(S3Call call, S3State s3) {
        s3.delete(call.bucket(), call.key());
        return call.empty(204, Map.of());
    }
}
