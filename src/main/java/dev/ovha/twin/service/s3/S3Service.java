package dev.ovha.twin.service.s3;

import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.HttpReply;
import dev.ovha.twin.protocol.RestRequest;
import dev.ovha.twin.protocol.RestXmlCodec;
import dev.ovha.twin.service.RestService;
import dev.ovha.twin.state.World;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Amazon S3 over REST-XML, path style ({@code /bucket/key}), as the stack uses it: the configuration
 * bucket's {@code .env} and recordings. Every other S3 operation is recognised and refused with a 400
 * that names it.
 */
public final class S3Service implements RestService {

    private static final String XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final int MAX_KEY_BYTES = 1024;

    private final RestXmlCodec codec = new RestXmlCodec(XMLNS);
    private final Map<String, BiFunction<S3Call, World, HttpReply>> operations = new LinkedHashMap<>();

    /** @param pageSize the most entries a ListObjectsV2 page holds (the twin's small default page size) */
    public S3Service(int pageSize) {
        BucketHandlers buckets = new BucketHandlers(pageSize);
        operations.put("ListBuckets", buckets::listBuckets);
        operations.put("HeadBucket", buckets::headBucket);
        operations.put("GetBucketLocation", buckets::location);
        operations.put("ListObjectsV2", buckets::listObjectsV2);
        operations.put("PutObject", (call, world) -> ObjectHandlers.put(call, world.s3()));
        operations.put("GetObject", (call, world) -> ObjectHandlers.read(call, world.s3()));
        operations.put("HeadObject", (call, world) -> ObjectHandlers.read(call, world.s3()));
        operations.put("DeleteObject", (call, world) -> ObjectHandlers.delete(call, world.s3()));
    }

    @Override
    public String signingName() {
        return "s3";
    }

    @Override
    public String displayName() {
        return "S3";
    }

    @Override
    public HttpReply handle(RestRequest request, World world) {
        S3Operation operation = S3Operation.resolve(request);
        BiFunction<S3Call, World, HttpReply> handler = operations.get(operation.name());
        if (handler == null) {
            throw S3Errors.notImplemented(operation, request.method(), request.path());
        }
        operation.bucket().filter(b -> world.s3().bucket(b).isEmpty()).ifPresent(b -> {
            throw S3Errors.noSuchBucket(b);
        });
        operation.key().map(k -> k.getBytes(StandardCharsets.UTF_8).length).filter(n -> n > MAX_KEY_BYTES)
                .ifPresent(n -> {
                    throw S3Errors.keyTooLong(n);
                });
        return handler.apply(new S3Call(operation, request, codec), world);
    }

    @Override
    public HttpReply error(AwsError error, RestRequest request) {
        return codec.error(error, request.isHead(), request.requestId());
    }
}
