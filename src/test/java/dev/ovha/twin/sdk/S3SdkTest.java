package dev.ovha.twin.sdk;

import dev.ovha.aws.AwsClients;
import dev.ovha.aws.AwsTarget;
import dev.ovha.aws.CallLimits;
import dev.ovha.twin.TwinEndpoints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * S3 through the harness's own client ({@link AwsClients#s3()}: path style, and the SDK's default
 * integrity settings, so every PutObject is aws-chunked with a trailing CRC32 and Expect: 100-continue).
 * Keys live under prefixes of their own, so the tests hold whatever else the seed puts in the bucket.
 */
class S3SdkTest extends TwinSdkTestBase {

    private static final String HELLO = "hello world\n";
    private static final String HELLO_MD5_ETAG = "\"6f5902ac237024bdd0c176cb93063dc4\"";
    private static final String HELLO_CRC32 = "rwg7LQ==";

    private String bucket;

    @BeforeEach
    void findTheStackBucket() {
        bucket = twin.inWorld(w -> w.topology().bucketName());
    }

    @Test
    void putGetHeadDeleteRoundTripWithTheSdkDefaults() {
        PutObjectResponse put = s3().putObject(r -> r.bucket(bucket).key("recordings/sdk/a.txt").contentType("text/plain")
                .metadata(Map.of("owner", "twin")), RequestBody.fromString(HELLO));
        assertThat(put.eTag()).isEqualTo(HELLO_MD5_ETAG);
        assertThat(put.checksumCRC32()).as("the trailing CRC32 was read and verified").isEqualTo(HELLO_CRC32);

        ResponseBytes<GetObjectResponse> get = s3().getObjectAsBytes(r -> r.bucket(bucket).key("recordings/sdk/a.txt"));
        assertThat(get.asUtf8String()).isEqualTo(HELLO);
        assertThat(get.response().contentType()).isEqualTo("text/plain");
        assertThat(get.response().contentLength()).isEqualTo(12L);
        assertThat(get.response().eTag()).isEqualTo(HELLO_MD5_ETAG);
        assertThat(get.response().lastModified()).isEqualTo(twin.clock().now().truncatedTo(ChronoUnit.SECONDS));
        assertThat(get.response().metadata()).containsExactly(Map.entry("owner", "twin"));
        assertThat(get.response().contentEncoding()).as("aws-chunked is a transfer detail, never stored").isNull();

        HeadObjectResponse head = s3().headObject(r -> r.bucket(bucket).key("recordings/sdk/a.txt"));
        assertThat(head.contentLength()).isEqualTo(12L);
        assertThat(head.eTag()).isEqualTo(HELLO_MD5_ETAG);
        assertThat(head.metadata()).containsEntry("owner", "twin");

        s3().deleteObject(r -> r.bucket(bucket).key("recordings/sdk/a.txt"));
        assertThatThrownBy(() -> s3().headObject(r -> r.bucket(bucket).key("recordings/sdk/a.txt")))
                .isInstanceOf(NoSuchKeyException.class);
        s3().deleteObject(r -> r.bucket(bucket).key("recordings/sdk/a.txt"));
    }

    @Test
    void theDefaultClientSendsSignedAwsChunkedBodiesWithExpectContinueOnOneKeptAliveConnection() {
        TwinEndpoints e = twin.endpoints();
        try (TcpTap tap = new TcpTap(e.awsEndpoint());
             AwsClients tapped = new AwsClients(AwsTarget.emulator(tap.endpoint(), e.region(), e.accessKeyId(),
                     e.secretAccessKey()).withLimits(CallLimits.DEFAULT.withMaxAttempts(1)))) {
            tapped.s3().putObject(r -> r.bucket(bucket).key(".env"), RequestBody.fromString("OPENVIDU_SECRET=abc\n"));
            tapped.s3().putObject(r -> r.bucket(bucket).key("recordings/tap.txt"), RequestBody.fromString(HELLO));

            String sent = tap.clientBytes().toLowerCase(Locale.ROOT);
            // SDK 2.40 over plain HTTP signs each chunk (STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER).
            assertThat(sent).contains("put /" + bucket + "/.env http/1.1", "content-encoding: aws-chunked",
                    "x-amz-content-sha256: streaming-aws4-hmac-sha256-payload-trailer", ";chunk-signature=",
                    "x-amz-decoded-content-length: 20", "x-amz-trailer: x-amz-checksum-crc32", "expect: 100-continue",
                    "x-amz-checksum-crc32:" + HELLO_CRC32.toLowerCase(Locale.ROOT));
            assertThat(tap.serverBytes()).contains("HTTP/1.1 100 Continue");
            assertThat(tap.serverBytes().split("HTTP/1.1 200", -1)).as("both answers on the wire").hasSize(3);
            assertThat(tap.connections()).as("the second call reused the kept-alive connection").isEqualTo(1);
        }
        assertThat(s3().getObjectAsBytes(r -> r.bucket(bucket).key(".env")).asUtf8String()).isEqualTo("OPENVIDU_SECRET=abc\n");
    }

    @Test
    void aLargeObjectCrossesManyChunksIntact() {
        byte[] data = new byte[300 * 1024 + 17];
        new Random(7).nextBytes(data);
        s3().putObject(r -> r.bucket(bucket).key("recordings/big.bin"), RequestBody.fromBytes(data));
        assertThat(s3().getObjectAsBytes(r -> r.bucket(bucket).key("recordings/big.bin")).asByteArray()).isEqualTo(data);
        assertThat(s3().headObject(r -> r.bucket(bucket).key("recordings/big.bin")).contentLength()).isEqualTo(data.length);
    }

    @Test
    void rangesAndConditionalReads() {
        String etag = s3().putObject(r -> r.bucket(bucket).key("recordings/r.txt"), RequestBody.fromString(HELLO)).eTag();
        ResponseBytes<GetObjectResponse> range = s3().getObjectAsBytes(r -> r.bucket(bucket).key("recordings/r.txt").range("bytes=0-4"));
        assertThat(range.asUtf8String()).isEqualTo("hello");
        assertThat(range.response().contentRange()).isEqualTo("bytes 0-4/12");
        assertThat(range.response().contentLength()).isEqualTo(5L);
        assertThat(s3().getObjectAsBytes(r -> r.bucket(bucket).key("recordings/r.txt").range("bytes=-6")).asUtf8String())
                .isEqualTo("world\n");

        assertThatThrownBy(() -> s3().getObjectAsBytes(r -> r.bucket(bucket).key("recordings/r.txt").ifNoneMatch(etag)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));
        assertThatThrownBy(() -> s3().getObjectAsBytes(r -> r.bucket(bucket).key("recordings/r.txt").ifMatch("\"0000\"")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
                });
        assertThat(s3().getObjectAsBytes(r -> r.bucket(bucket).key("recordings/r.txt").ifMatch(etag)).asUtf8String()).isEqualTo(HELLO);
    }

    @Test
    void checksumModeEnabledGetsTheStoredChecksumAndTheSdkValidatesIt() {
        s3().putObject(r -> r.bucket(bucket).key("recordings/c.txt"), RequestBody.fromString(HELLO));
        ResponseBytes<GetObjectResponse> get = s3().getObjectAsBytes(r -> r.bucket(bucket).key("recordings/c.txt")
                .checksumMode(ChecksumMode.ENABLED));
        assertThat(get.asUtf8String()).isEqualTo(HELLO);
        assertThat(get.response().checksumCRC32()).isEqualTo(HELLO_CRC32);
        assertThat(s3().headObject(r -> r.bucket(bucket).key("recordings/c.txt").checksumMode(ChecksumMode.ENABLED))
                .checksumCRC32()).isEqualTo(HELLO_CRC32);
        assertThat(s3().getObjectAsBytes(r -> r.bucket(bucket).key("recordings/c.txt").range("bytes=6-10")
                .checksumMode(ChecksumMode.ENABLED)).asUtf8String()).as("no whole-object checksum on a range").isEqualTo("world");
    }

    @Test
    void thePaginatorWalksEveryPageWithPrefixAndDelimiter() {
        List<String> keys = List.of("recordings/s1/a.mp4", "recordings/s1/b.mp4", "recordings/s2/c.mp4",
                "recordings/x1.json", "recordings/x2.json", "recordings/x3.json", "recordings/x4.json", "other/z.txt");
        keys.forEach(k -> s3().putObject(r -> r.bucket(bucket).key(k), RequestBody.fromString(k)));

        List<String> all = s3().listObjectsV2Paginator(r -> r.bucket(bucket).prefix("recordings/")).contents().stream()
                .map(S3Object::key).toList();
        assertThat(all).containsExactlyElementsOf(keys.subList(0, 7));

        ListObjectsV2Response first = s3().listObjectsV2(r -> r.bucket(bucket).prefix("recordings/").maxKeys(1000));
        assertThat(first.contents()).as("one page is not all").hasSize(3);
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.keyCount()).isEqualTo(3);

        var pages = s3().listObjectsV2Paginator(r -> r.bucket(bucket).prefix("recordings/").delimiter("/")).stream().toList();
        assertThat(pages).hasSize(2);
        assertThat(pages.get(1).nextContinuationToken()).isNull();
        assertThat(pages.stream().flatMap(p -> p.commonPrefixes().stream()).map(CommonPrefix::prefix))
                .containsExactly("recordings/s1/", "recordings/s2/");
        assertThat(pages.stream().flatMap(p -> p.contents().stream()).map(S3Object::key))
                .containsExactly("recordings/x1.json", "recordings/x2.json", "recordings/x3.json", "recordings/x4.json");
        S3Object one = pages.get(0).contents().get(0);
        assertThat(one.size()).isEqualTo((long) "recordings/x1.json".length());
        assertThat(one.eTag()).startsWith("\"").endsWith("\"");
        assertThat(one.lastModified()).isEqualTo(twin.clock().now());

        assertThat(s3().listObjectsV2(r -> r.bucket(bucket).prefix("recordings/").startAfter("recordings/x2.json"))
                .contents()).extracting(S3Object::key).containsExactly("recordings/x3.json", "recordings/x4.json");
    }

    @Test
    void missingKeysAndBucketsRaiseTheModelledExceptions() {
        assertThatThrownBy(() -> s3().getObjectAsBytes(r -> r.bucket(bucket).key("recordings/missing.txt")))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified key does not exist.");
                    assertThat(e.requestId()).isNotBlank();
                });
        assertThatThrownBy(() -> s3().headObject(r -> r.bucket(bucket).key("recordings/missing.txt")))
                .isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> s3().getObjectAsBytes(r -> r.bucket("no-such-bucket").key("a")))
                .isInstanceOfSatisfying(NoSuchBucketException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> s3().headBucket(r -> r.bucket("no-such-bucket"))).isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3().listObjectsV2(r -> r.bucket("no-such-bucket"))).isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3().putObject(r -> r.bucket("no-such-bucket").key("a"), RequestBody.fromString("x")))
                .isInstanceOf(NoSuchBucketException.class);
    }

    @Test
    void theStackBucketIsListedAndLivesInTheStackRegion() {
        assertThat(s3().listBuckets().buckets()).extracting(b -> b.name()).containsExactly(bucket);
        assertThat(s3().listBuckets().buckets().get(0).creationDate()).as("created with the stack, before the twin's epoch")
                .isEqualTo(twin.clock().now().minus(Duration.ofMinutes(20)));
        assertThat(s3().getBucketLocation(r -> r.bucket(bucket)).locationConstraintAsString())
                .as("us-east-1 is an empty LocationConstraint").isEmpty();
        assertThat(s3().headBucket(r -> r.bucket(bucket)).bucketRegion()).isEqualTo("us-east-1");
    }

    @Test
    void anUnimplementedOperationFailsOnceWithA400NamingIt() {
        long before = twin.awsRequestCount();
        assertThatThrownBy(() -> s3().getBucketPolicy(r -> r.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("GetBucketPolicy");
                });
        assertThat(twin.awsRequestCount() - before).as("a 400 is not retried").isEqualTo(1);
    }

    @Test
    void listenersSeeWhatTheSdkPuts() {
        List<String> seen = new ArrayList<>();
        twin.inWorld(w -> {
            w.s3().addListener((b, key, change) -> seen.add(change.kind() + " " + key + " "
                    + new String(change.bytes(), StandardCharsets.UTF_8).strip()));
            return null;
        });
        s3().putObject(r -> r.bucket(bucket).key(".env"), RequestBody.fromString("OPENVIDU_SECRET=s3cr3t\n"));
        s3().deleteObject(r -> r.bucket(bucket).key(".env"));
        assertThat(seen).containsExactly("PUT .env OPENVIDU_SECRET=s3cr3t", "DELETE .env ");
    }

    private S3Client s3() {
        return aws.s3();
    }
}
