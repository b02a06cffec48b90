package dev.ovha.twin.service.s3;

import dev.ovha.twin.protocol.AwsError;

/** S3's errors with S3's codes, statuses and wording, and the detail elements S3 adds to each. */
final class S3Errors {

    private S3Errors() {
    }

    static AwsError noSuchBucket(String bucket) {
        return new AwsError(404, "NoSuchBucket", "The specified bucket does not exist").with("BucketName", bucket);
    }

    static AwsError noSuchKey(String key) {
        return new AwsError(404, "NoSuchKey", "The specified key does not exist.").with("Key", key);
    }

    static AwsError keyTooLong(int bytes) {
        return AwsError.badRequest("KeyTooLongError", "Your key is too long")
                .with("MaxSizeAllowed", "1024").with("Size", String.valueOf(bytes));
    }

    static AwsError invalidArgument(String message, String argument, String value) {
        return AwsError.badRequest("InvalidArgument", message).with("ArgumentName", argument).with("ArgumentValue", value);
    }

    static AwsError invalidRequest(String message) {
        return AwsError.badRequest("InvalidRequest", message);
    }

    static AwsError invalidRange(String range, int size) {
        return new AwsError(416, "InvalidRange", "The requested range is not satisfiable")
                .with("RangeRequested", range).with("ActualObjectSize", String.valueOf(size));
    }

    static AwsError preconditionFailed(String condition) {
        return new AwsError(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold")
                .with("Condition", condition);
    }

    /** An additional checksum (header or trailer) that does not match the bytes received. */
    static AwsError checksumMismatch(String algorithm) {
        return AwsError.badRequest("BadDigest", "The " + algorithm + " you specified did not match the calculated checksum.");
    }

    static AwsError contentMd5Mismatch(String given, String computed) {
        return AwsError.badRequest("BadDigest", "The Content-MD5 you specified did not match what we received.")
                .with("ExpectedDigest", given).with("CalculatedDigest", computed);
    }

    static AwsError invalidContentMd5() {
        return AwsError.badRequest("InvalidDigest", "The Content-MD5 you specified was invalid.");
    }

    static AwsError contentSha256Mismatch(String given, String computed) {
        return AwsError.badRequest("XAmzContentSHA256Mismatch",
                        "The provided 'x-amz-content-sha256' header does not match what was computed.")
                .with("ClientComputedContentSHA256", given).with("S3ComputedContentSHA256", computed);
    }

    /**
     * An operation the twin does not serve. Real S3 answers {@code NotImplemented} with 501, but SDKs
     * retry every 5xx with back-off, so each unsupported call would cost several attempts and seconds
     * before failing: the twin answers 400 with the same code, naming the operation.
     */
    static AwsError notImplemented(S3Operation operation, String method, String path) {
        return AwsError.badRequest("NotImplemented", "The ovha twin does not implement the S3 operation "
                + operation.name() + " (" + method + " " + path + "); it serves ListBuckets, HeadBucket, "
                + "GetBucketLocation, ListObjectsV2, PutObject, GetObject, HeadObject and DeleteObject");
    }
}
