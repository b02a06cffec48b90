package dev.ovha.twin.state;

import java.time.Instant;

/**
 * An S3 bucket: its name, the region it lives in (GetBucketLocation, HeadBucket's
 * {@code x-amz-bucket-region}), and when it was created.
 */
public record S3Bucket(String name, String region, Instant creationDate) {
}
