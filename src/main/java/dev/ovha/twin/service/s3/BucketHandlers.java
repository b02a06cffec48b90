package dev.ovha.twin.service.s3;

import dev.ovha.twin.protocol.Checksums;
import dev.ovha.twin.protocol.HttpReply;
import dev.ovha.twin.protocol.RestRequest;
import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.protocol.UriEncoding;
import dev.ovha.twin.state.S3Bucket;
import dev.ovha.twin.state.S3Object;
import dev.ovha.twin.state.World;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** ListBuckets, HeadBucket, GetBucketLocation and ListObjectsV2. */
final class BucketHandlers {

    private final int pageSize;

    /** @param pageSize the most keys one ListObjectsV2 page holds, whatever max-keys asks (so clients must paginate) */
    BucketHandlers(int pageSize) {
        this.pageSize = pageSize;
    }

    HttpReply listBuckets(S3Call call, World world) {
        Struct buckets = Struct.of().put("Bucket", world.s3().buckets().stream()
                .map(b -> Struct.of().put("Name", b.name()).put("CreationDate", b.creationDate())
                        .put("BucketRegion", b.region()))
                .toList());
        return call.document("ListAllMyBucketsResult", Struct.of().put("Buckets", buckets).put("Owner", owner(world)));
    }

    /** 200 and the bucket's region, which clients read from {@code x-amz-bucket-region}. */
    HttpReply headBucket(S3Call call, World world) {
        return call.empty(200, Map.of("x-amz-bucket-region", bucket(call, world).region(),
                "x-amz-access-point-alias", "false"));
    }

    /** For historical reasons S3 gives us-east-1 as an empty LocationConstraint. */
    HttpReply location(S3Call call, World world) {
        String region = bucket(call, world).region();
        return call.codec().textDocument("LocationConstraint", region.equals("us-east-1") ? "" : region, call.requestId());
    }

    HttpReply listObjectsV2(S3Call call, World world) {
        RestRequest r = call.request();
        String prefix = r.param("prefix").orElse("");
        Optional<String> delimiter = r.param("delimiter").filter(d -> !d.isEmpty());
        Optional<String> token = r.param("continuation-token").filter(t -> !t.isEmpty());
        Optional<String> startAfter = r.param("start-after").filter(s -> !s.isEmpty());
        boolean urlEncoded = encodingType(r);
        int maxKeys = Math.min(maxKeys(r), pageSize);
        Optional<ObjectListing.Marker> marker = token.map(ObjectListing.Marker::decodeToken)
                .or(() -> startAfter.map(s -> new ObjectListing.Marker(false, s)));
        ObjectListing page = ObjectListing.of(world.s3().objects(call.bucket()),
                new ObjectListing.Query(prefix, delimiter.orElse(""), marker, maxKeys));

        UnaryOperator<String> out = urlEncoded ? UriEncoding::encodeKeepingSlashes : UnaryOperator.identity();
        boolean fetchOwner = r.param("fetch-owner").filter("true"::equalsIgnoreCase).isPresent();
        Struct result = Struct.of()
                .put("Name", call.bucket())
                .put("Prefix", out.apply(prefix))
                .put("Delimiter", delimiter.map(out).orElse(null))
                .put("MaxKeys", maxKeys)
                .put("EncodingType", urlEncoded ? "url" : null)
                .put("KeyCount", page.keyCount())
                .put("IsTruncated", page.nextToken().isPresent())
                .put("ContinuationToken", token.orElse(null))
                .put("NextContinuationToken", page.nextToken().orElse(null))
                .put("StartAfter", startAfter.map(out).orElse(null))
                .put("Contents", page.contents().stream().map(o -> contents(o, out, fetchOwner ? owner(world) : null)).toList())
                .put("CommonPrefixes", page.commonPrefixes().stream().map(p -> Struct.of().put("Prefix", out.apply(p))).toList());
        return call.document("ListBucketResult", result);
    }

    private static Struct contents(S3Object o, UnaryOperator<String> out, Struct owner) {
        return Struct.of()
                .put("Key", out.apply(o.key()))
                .put("LastModified", o.lastModified())
                .put("ETag", o.etag())
                .put("ChecksumAlgorithm", o.checksum().map(c -> c.algorithm()).orElse(null))
                .put("ChecksumType", o.checksum().map(c -> "FULL_OBJECT").orElse(null))
                .put("Size", o.size())
                .put("Owner", owner)
                .put("StorageClass", "STANDARD");
    }

    /** The account's canonical user: a stable 64-hex id derived from the account id. */
    private static Struct owner(World world) {
        String account = world.sim().account().id();
        String id = Checksums.sha256Hex(account.getBytes(StandardCharsets.UTF_8));
        return Struct.of().put("ID", id).put("DisplayName", "ovha-twin");
    }

    private static S3Bucket bucket(S3Call call, World world) {
        return world.s3().bucket(call.bucket()).orElseThrow(() -> S3Errors.noSuchBucket(call.bucket()));
    }

    private static int maxKeys(RestRequest r) {
        Optional<String> given = r.param("max-keys");
        if (given.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        try {
            int value = Integer.parseInt(given.get().trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw S3Errors.invalidArgument("Provided max-keys not an integer or within integer range", "max-keys", given.get());
    }

    /**
     * Only {@code url} exists. The answer says {@code <EncodingType>url</EncodingType>} only when asked,
     * because the SDK then URL-decodes every key (a literal {@code +} would become a space).
     */
    private static boolean encodingType(RestRequest r) {
        Optional<String> type = r.param("encoding-type");
        if (type.isPresent() && !type.get().equals("url")) {
            throw S3Errors.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", type.get());
        }
        return type.isPresent();
    }
}
