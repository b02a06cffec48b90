package dev.ovha.aws;

import dev.ovha.config.HarnessConfig;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Everything {@link AwsClients} needs to know about where AWS is and who we are there.
 *
 * @param endpoint    one endpoint for every service (an emulator); empty means the SDK's regional endpoints
 * @param region      the region requests are signed for
 * @param credentials where credentials come from
 * @param limits      retry and timeout bounds applied to every call
 */
public record AwsTarget(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials,
                        CallLimits limits) {

    public AwsTarget {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * The deployment the configuration points at: its region, the endpoint override only when
     * {@code ovha.aws.endpoint} is set, and the named profile's credentials or else the default chain.
     */
    public static AwsTarget live(HarnessConfig config) {
        // builder().build() rather than DefaultCredentialsProvider.create(): create() hands out a shared
        // singleton that breaks for everyone once any client closes it.
        AwsCredentialsProvider credentials = config.awsProfile()
                .<AwsCredentialsProvider>map(profile -> ProfileCredentialsProvider.builder()
                        .profileName(profile).build())
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        return new AwsTarget(config.awsEndpoint(), Region.of(config.region()), credentials, CallLimits.DEFAULT);
    }

    /** An emulator such as the twin: always an endpoint override, fixed dummy credentials. */
    public static AwsTarget emulator(URI endpoint, String region, String accessKeyId, String secretAccessKey) {
        Objects.requireNonNull(endpoint, "endpoint");
        requireText(region, "region");
        requireText(accessKeyId, "accessKeyId");
        requireText(secretAccessKey, "secretAccessKey");
        return new AwsTarget(Optional.of(endpoint), Region.of(region),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)),
                CallLimits.DEFAULT);
    }

    public AwsTarget withLimits(CallLimits newLimits) {
        return new AwsTarget(endpoint, region, credentials, newLimits);
    }

    /** Names the credentials provider's type only, so no key can reach a log through this object. */
    @Override
    public String toString() {
        return "AwsTarget[endpoint=" + endpoint.map(URI::toString).orElse("(regional)")
                + ", region=" + region.id()
                + ", credentials=" + credentials.getClass().getSimpleName()
                + ", limits=" + limits + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
