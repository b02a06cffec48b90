package dev.ovha.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.fis.FisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The one place that builds AWS SDK clients, so that endpoint, region, credentials, HTTP client, retries
 * and timeouts are the same for every service and can be changed in one spot.
 *
 * <p>Clients are built on first use and cached; {@link #close()} closes the ones that were built. The
 * credentials provider belongs to the {@link AwsTarget}, not to this object, and stays open.
 */
public final class AwsClients implements AutoCloseable {
    private final AwsTarget target;
    private final Map<Class<? extends SdkClient>, SdkClient> built = new LinkedHashMap<>();
    private boolean closed;

    public AwsClients(AwsTarget target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    public AwsTarget target() {
        return target;
    }

    public CloudFormationClient cloudFormation() {
        return cached(CloudFormationClient.class, () -> configure(CloudFormationClient.builder()));
    }

    public Ec2Client ec2() {
        return cached(Ec2Client.class, () -> configure(Ec2Client.builder()));
    }

    public AutoScalingClient autoScaling() {
        return cached(AutoScalingClient.class, () -> configure(AutoScalingClient.builder()));
    }

    public ElasticLoadBalancingV2Client elasticLoadBalancing() {
        return cached(ElasticLoadBalancingV2Client.class, () -> configure(ElasticLoadBalancingV2Client.builder()));
    }

    public StsClient sts() {
        return cached(StsClient.class, () -> configure(StsClient.builder()));
    }

    /**
     * SQS routes every call to the client's endpoint, whatever host a queue URL names, so queue URLs
     * from the stack work unchanged against an emulator.
     */
    public SqsClient sqs() {
        return cached(SqsClient.class, () -> configure(SqsClient.builder()));
    }

    public EventBridgeClient eventBridge() {
        return cached(EventBridgeClient.class, () -> configure(EventBridgeClient.builder()));
    }

    /** Run Command on the stack's instances: how the harness reads the masters' logs. */
    public SsmClient ssm() {
        return cached(SsmClient.class, () -> configure(SsmClient.builder()));
    }

    /** Metrics and alarms (SDK 2.40.2 speaks the query protocol to CloudWatch). */
    public CloudWatchClient cloudWatch() {
        return cached(CloudWatchClient.class, () -> configure(CloudWatchClient.builder()));
    }

    /** Fault Injection Service: the chaos experiments' templates and runs (rest-json). */
    public FisClient fis() {
        return cached(FisClient.class, () -> configure(FisClient.builder()));
    }

    /**
     * Path-style addressing ({@code host/bucket}) because emulators answer on one host name and cannot
     * serve {@code bucket.host} virtual hosts; real S3 accepts both.
     */
    public S3Client s3() {
        return cached(S3Client.class, () -> configure(S3Client.builder().forcePathStyle(true)));
    }

    /** Closes every client built so far; later calls to the accessors fail. */
    @Override
    public synchronized void close() {
        closed = true;
        List<SdkClient> clients = new ArrayList<>(built.values());
        built.clear();
        RuntimeException failure = null;
        for (SdkClient client : clients) {
            try {
                client.close();
            } catch (RuntimeException e) {
                // Keep closing the others: one broken client must not leak the rest's connection pools.
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private synchronized <C extends SdkClient> C cached(Class<C> type, Supplier<C> factory) {
        if (closed) {
            throw new IllegalStateException("AwsClients is closed");
        }
        return type.cast(built.computeIfAbsent(type, t -> factory.get()));
    }

    /** Applies the common settings to any service's builder. */
    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C configure(
            B builder) {
        target.endpoint().ifPresent(builder::endpointOverride);
        CallLimits limits = target.limits();
        return builder
                .region(target.region())
                .credentialsProvider(new BorrowedCredentials(target.credentials()))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o
                        // The standard strategy (exponential back-off with jitter, retry quota) but with our
                        // bound on attempts, so a failing call costs a known, small amount of time.
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(limits.maxAttempts())
                                .build())
                        .apiCallTimeout(limits.apiCallTimeout()))
                .build();
    }
}
