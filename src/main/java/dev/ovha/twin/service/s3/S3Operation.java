package dev.ovha.twin.service.s3;

import dev.ovha.twin.protocol.RestRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which S3 operation a path-style request is, named as in the API model, with its bucket and key.
 * S3 names an operation by method, by whether the path has a key, by a sub-resource in the query
 * ({@code ?location}, {@code ?tagging}, {@code ?uploads}…) and, for copies, by a header. Operations the
 * twin does not serve are resolved too, so that the refusal names them.
 *
 * @param bucket empty for the service root ({@code GET /} is ListBuckets)
 * @param key    empty for a bucket operation
 */
public record S3Operation(String name, Optional<String> bucket, Optional<String> key) {

    /** Bucket sub-resources whose operation is the method's verb + this suffix (GET ?policy → GetBucketPolicy). */
    private static final Map<String, String> BUCKET_SUBRESOURCES = Map.ofEntries(
            Map.entry("location", "BucketLocation"), Map.entry("acl", "BucketAcl"), Map.entry("policy", "BucketPolicy"),
            Map.entry("policyStatus", "BucketPolicyStatus"), Map.entry("versioning", "BucketVersioning"),
            Map.entry("tagging", "BucketTagging"), Map.entry("cors", "BucketCors"),
            Map.entry("lifecycle", "BucketLifecycleConfiguration"), Map.entry("encryption", "BucketEncryption"),
            Map.entry("notification", "BucketNotificationConfiguration"), Map.entry("website", "BucketWebsite"),
            Map.entry("logging", "BucketLogging"), Map.entry("replication", "BucketReplication"),
            Map.entry("ownershipControls", "BucketOwnershipControls"), Map.entry("publicAccessBlock", "PublicAccessBlock"),
            Map.entry("accelerate", "BucketAccelerateConfiguration"), Map.entry("requestPayment", "BucketRequestPayment"),
            Map.entry("object-lock", "ObjectLockConfiguration"), Map.entry("analytics", "BucketAnalyticsConfiguration"),
            Map.entry("metrics", "BucketMetricsConfiguration"), Map.entry("inventory", "BucketInventoryConfiguration"),
            Map.entry("intelligent-tiering", "BucketIntelligentTieringConfiguration"));

    /** Object sub-resources, same rule (GET ?tagging on a key → GetObjectTagging). */
    private static final Map<String, String> OBJECT_SUBRESOURCES = Map.of(
            "tagging", "ObjectTagging", "acl", "ObjectAcl", "retention", "ObjectRetention",
            "legal-hold", "ObjectLegalHold", "attributes", "ObjectAttributes", "torrent", "ObjectTorrent");

    public static S3Operation resolve(RestRequest request) {
        String path = request.path().startsWith("/") ? request.path().substring(1) : request.path();
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        String key = slash < 0 ? "" : path.substring(slash + 1);
        if (bucket.isEmpty()) {
            String name = request.method().equals("GET") ? "ListBuckets" : unknown(request);
            return new S3Operation(name, Optional.empty(), Optional.empty());
        }
        if (key.isEmpty()) {
            return new S3Operation(bucketOperation(request), Optional.of(bucket), Optional.empty());
        }
        return new S3Operation(objectOperation(request), Optional.of(bucket), Optional.of(key));
    }

    private static String bucketOperation(RestRequest r) {
        String method = r.method();
        if (method.equals("GET") && r.param("list-type").filter("2"::equals).isPresent()) {
            return "ListObjectsV2";
        }
        if (method.equals("GET") && r.hasParam("uploads")) {
            return "ListMultipartUploads";
        }
        if (method.equals("GET") && r.hasParam("versions")) {
            return "ListObjectVersions";
        }
        if (method.equals("POST") && r.hasParam("delete")) {
            return "DeleteObjects";
        }
        Optional<String> sub = subresource(r, BUCKET_SUBRESOURCES);
        if (sub.isPresent()) {
            return verb(method).map(v -> v + sub.get()).orElse(unknown(r));
        }
        return switch (method) {
            case "GET" -> "ListObjects";
            case "HEAD" -> "HeadBucket";
            case "PUT" -> "CreateBucket";
            case "DELETE" -> "DeleteBucket";
            default -> unknown(r);
        };
    }

    private static String objectOperation(RestRequest r) {
        String method = r.method();
        boolean copy = r.header("x-amz-copy-source").isPresent();
        boolean upload = r.hasParam("uploadId");
        Optional<String> sub = subresource(r, OBJECT_SUBRESOURCES);
        if (sub.isPresent() && verb(method).isPresent()) {
            return verb(method).get() + sub.get();
        }
        return switch (method) {
            case "GET" -> upload ? "ListParts" : "GetObject";
            case "HEAD" -> "HeadObject";
            case "PUT" -> upload ? (copy ? "UploadPartCopy" : "UploadPart") : (copy ? "CopyObject" : "PutObject");
            case "DELETE" -> upload ? "AbortMultipartUpload" : "DeleteObject";
            case "POST" -> r.hasParam("uploads") ? "CreateMultipartUpload" : upload ? "CompleteMultipartUpload"
                    : r.hasParam("restore") ? "RestoreObject" : r.hasParam("select") ? "SelectObjectContent"
                    : unknown(r);
            default -> unknown(r);
        };
    }

    private static Optional<String> subresource(RestRequest r, Map<String, String> known) {
        return List.copyOf(r.query().keySet()).stream().filter(known::containsKey).findFirst().map(known::get);
    }

    private static Optional<String> verb(String method) {
        return switch (method) {
            case "GET" -> Optional.of("Get");
            case "PUT" -> Optional.of("Put");
            case "DELETE" -> Optional.of("Delete");
            default -> Optional.empty();
        };
    }

    /** Not an S3 operation at all: the method and the query names say what arrived. */
    private static String unknown(RestRequest r) {
        return r.method() + (r.query().isEmpty() ? "" : " ?" + String.join("&", r.query().keySet()));
    }
}
