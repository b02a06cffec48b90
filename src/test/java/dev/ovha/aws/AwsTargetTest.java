package dev.ovha.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ovha.config.HarnessConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class AwsTargetTest {
    private static final String SECRET_KEY = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";

    @TempDir
    Path cwd;

    private HarnessConfig config(Map<String, String> env) {
        return HarnessConfig.resolve(env, new Properties(), cwd);
    }

    @Test
    void emulatorTargetAlwaysOverridesTheEndpointWithStaticCredentials() {
        AwsTarget target = AwsTarget.emulator(URI.create("http://127.0.0.1:4566"), "eu-west-1", "AKID", SECRET_KEY);

        assertThat(target.endpoint()).hasValue(URI.create("http://127.0.0.1:4566"));
        assertThat(target.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(target.credentials()).isInstanceOf(StaticCredentialsProvider.class);
        assertThat(target.credentials().resolveCredentials().secretAccessKey()).isEqualTo(SECRET_KEY);
        assertThat(target.limits()).isEqualTo(CallLimits.DEFAULT);
    }

    @Test
    void toStringNeverShowsTheSecretAccessKey() {
        AwsTarget target = AwsTarget.emulator(URI.create("http://127.0.0.1:4566"), "eu-west-1", "AKID", SECRET_KEY);

        assertThat(target.toString())
                .doesNotContain(SECRET_KEY)
                .contains("endpoint=http://127.0.0.1:4566", "region=eu-west-1", "StaticCredentialsProvider");
    }

    @Test
    void liveTargetUsesTheRegionalEndpointAndDefaultChainWhenNothingElseIsSet() {
        AwsTarget target = AwsTarget.live(config(Map.of("OVHA_TARGET", "aws", "OVHA_STACK", "prod",
                "OVHA_REGION", "ap-southeast-2")));

        assertThat(target.endpoint()).isEmpty();
        assertThat(target.region()).isEqualTo(Region.AP_SOUTHEAST_2);
        assertThat(target.credentials()).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(target.toString()).contains("endpoint=(regional)");
    }

    @Test
    void liveTargetHonoursTheEndpointAndProfileSettings() {
        AwsTarget target = AwsTarget.live(config(Map.of(
                "OVHA_AWS_ENDPOINT", "http://localhost:4566",
                "OVHA_AWS_PROFILE", "ovha-ci")));

        assertThat(target.endpoint()).hasValue(URI.create("http://localhost:4566"));
        assertThat(target.region()).isEqualTo(Region.US_EAST_1);
        assertThat(target.credentials()).isInstanceOf(ProfileCredentialsProvider.class);
    }

    @Test
    void emulatorArgumentsMustBePresent() {
        URI endpoint = URI.create("http://127.0.0.1:4566");

        assertThatThrownBy(() -> AwsTarget.emulator(endpoint, " ", "AKID", SECRET_KEY))
                .hasMessage("region must not be blank");
        assertThatThrownBy(() -> AwsTarget.emulator(endpoint, "eu-west-1", "AKID", ""))
                .hasMessage("secretAccessKey must not be blank");
    }

    @Test
    void callLimitsRejectUnboundedOrZeroValues() {
        assertThatThrownBy(() -> CallLimits.DEFAULT.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallLimits.DEFAULT.withApiCallTimeout(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CallLimits.DEFAULT).isEqualTo(new CallLimits(3, java.time.Duration.ofSeconds(30)));
    }
}
