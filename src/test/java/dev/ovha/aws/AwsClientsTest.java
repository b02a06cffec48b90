package dev.ovha.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ovha.aws.RecordingHttpServer.Reply;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

class AwsClientsTest {
    private static final String ACCESS_KEY_ID = "AKIDTWIN";
    private static final String SECRET_KEY = "twin-secret-access-key";
    private static final String CALLER_IDENTITY = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/"
            + "2011-06-15/\"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/twin</Arn>"
            + "<UserId>AIDATWIN</UserId><Account>123456789012</Account></GetCallerIdentityResult>"
            + "<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></GetCallerIdentityResponse>";
    private static final String INTERNAL_FAILURE = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/"
            + "2011-06-15/\"><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>boom</Message>"
            + "</Error><RequestId>r2</RequestId></ErrorResponse>";

    private static AwsTarget emulatorAt(RecordingHttpServer server, String region) {
        return AwsTarget.emulator(server.endpoint(), region, ACCESS_KEY_ID, SECRET_KEY);
    }

    @Test
    void stsCallsReachTheEndpointSignedForTheRegionAndService() {
        try (RecordingHttpServer server = RecordingHttpServer.start(Reply.xml(200, CALLER_IDENTITY));
             AwsClients clients = new AwsClients(emulatorAt(server, "eu-west-1"))) {

            GetCallerIdentityResponse identity = clients.sts().getCallerIdentity();

            assertThat(identity.account()).isEqualTo("123456789012");
            assertThat(identity.arn()).isEqualTo("arn:aws:iam::123456789012:user/twin");
            assertThat(server.requests()).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo("/");
                assertThat(request.body()).contains("Action=GetCallerIdentity");
                assertThat(request.authorization()).matches(
                        "AWS4-HMAC-SHA256 Credential=AKIDTWIN/\\d{8}/eu-west-1/sts/aws4_request, .*");
                assertThat(request.authorization()).doesNotContain(SECRET_KEY);
            });
        }
    }

    @Test
    void s3UsesPathStyleAddressing() {
        try (RecordingHttpServer server = RecordingHttpServer.start(Reply.empty(200));
             AwsClients clients = new AwsClients(emulatorAt(server, "us-east-1"))) {

            clients.s3().headBucket(HeadBucketRequest.builder().bucket("b").build());

            assertThat(server.requests()).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("HEAD");
                assertThat(request.path()).isEqualTo("/b");
                assertThat(request.host()).isEqualTo("127.0.0.1:" + server.endpoint().getPort());
                assertThat(request.authorization()).contains("/us-east-1/s3/aws4_request");
            });
        }
    }

    @Test
    void aFailingCallIsRetriedUpToTheBoundAndNoFurther() {
        try (RecordingHttpServer server = RecordingHttpServer.start(Reply.xml(500, INTERNAL_FAILURE));
             AwsClients clients = new AwsClients(emulatorAt(server, "eu-west-1"))) {

            assertThatThrownBy(() -> clients.sts().getCallerIdentity())
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.statusCode()).isEqualTo(500));

            assertThat(server.requests()).hasSize(CallLimits.DEFAULT.maxAttempts()).hasSize(3);
        }
    }

    @Test
    void aTransientFailureWithinTheBoundIsAbsorbed() {
        try (RecordingHttpServer server = RecordingHttpServer.start(Reply.xml(200, CALLER_IDENTITY),
                Reply.xml(500, INTERNAL_FAILURE), Reply.xml(500, INTERNAL_FAILURE));
             AwsClients clients = new AwsClients(emulatorAt(server, "eu-west-1"))) {

            assertThat(clients.sts().getCallerIdentity().userId()).isEqualTo("AIDATWIN");
            assertThat(server.requests()).hasSize(3);
        }
    }

    @Test
    void theAttemptBoundIsConfigurable() {
        try (RecordingHttpServer server = RecordingHttpServer.start(Reply.xml(500, INTERNAL_FAILURE));
             AwsClients clients = new AwsClients(emulatorAt(server, "eu-west-1")
                     .withLimits(CallLimits.DEFAULT.withMaxAttempts(1)))) {

            assertThatThrownBy(() -> clients.sts().getCallerIdentity()).isInstanceOf(StsException.class);
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aCallThatNeverGetsAnAnswerEndsAtTheApiCallTimeout() {
        try (RecordingHttpServer server = RecordingHttpServer.start(Reply.hang());
             AwsClients clients = new AwsClients(emulatorAt(server, "eu-west-1")
                     .withLimits(new CallLimits(3, Duration.ofMillis(300))))) {

            long started = System.nanoTime();
            assertThatThrownBy(() -> clients.sts().getCallerIdentity()).isInstanceOf(ApiCallTimeoutException.class);

            // The Apache client's own socket timeout is 30 s; ending well before it proves ours applied.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void clientsAreBuiltOnceAndRefusedAfterClose() {
        try (RecordingHttpServer server = RecordingHttpServer.start(Reply.empty(200))) {
            AwsClients clients = new AwsClients(emulatorAt(server, "eu-west-1"));

            assertThat(clients.sts()).isSameAs(clients.sts());
            assertThat(clients.cloudFormation()).isSameAs(clients.cloudFormation());
            assertThat(clients.ec2()).isSameAs(clients.ec2());
            assertThat(clients.autoScaling()).isSameAs(clients.autoScaling());
            assertThat(clients.elasticLoadBalancing()).isSameAs(clients.elasticLoadBalancing());
            assertThat(clients.s3()).isSameAs(clients.s3());
            clients.close();

            assertThatThrownBy(clients::sts).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closingTheClientsLeavesTheTargetsCredentialsUsable() {
        ClosableCredentials credentials = new ClosableCredentials();
        try (RecordingHttpServer server = RecordingHttpServer.start(Reply.xml(200, CALLER_IDENTITY))) {
            AwsTarget target = emulatorAt(server, "eu-west-1");
            AwsTarget sharedCredentials = new AwsTarget(target.endpoint(), target.region(), credentials,
                    target.limits());
            try (AwsClients clients = new AwsClients(sharedCredentials)) {
                clients.sts().getCallerIdentity();
            }

            assertThat(credentials.closes.get()).isZero();
        }
    }

    /** A provider that, like the SDK's refreshing ones, owns resources and notices being closed. */
    private static final class ClosableCredentials implements AwsCredentialsProvider, SdkAutoCloseable {
        private final AtomicInteger closes = new AtomicInteger();

        @Override
        public AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_KEY);
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }
}
