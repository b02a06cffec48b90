package dev.ovha.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessConfigResolutionTest {
    @TempDir
    Path cwd;

    private ConfigInputs inputs() {
        return new ConfigInputs(cwd);
    }

    @Test
    void nothingSetGivesTheDocumentedDefaults() {
        HarnessConfig config = inputs().resolve();

        assertThat(config.target()).isEqualTo(Target.TWIN);
        assertThat(config.stack()).isEqualTo("ovha-twin");
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.awsEndpoint()).isEmpty();
        assertThat(config.awsProfile()).isEmpty();
        assertThat(config.openviduUrl()).isEmpty();
        assertThat(config.openviduSecret()).isEmpty();
        assertThat(config.tlsCa()).isEmpty();
        assertThat(config.twin()).isEqualTo(new TwinSettings(2, 2, 60.0, 42L)).isEqualTo(TwinSettings.defaults());
        assertThat(config.sourceOf(ConfigKey.REGION)).hasValue(ValueSource.defaults());
        assertThat(config.sourceOf(ConfigKey.AWS_PROFILE)).isEmpty();
    }

    @Test
    void environmentBeatsSystemPropertyBeatsFileBeatsDefault() {
        ConfigInputs inputs = inputs()
                .file("ovha.properties",
                        "ovha.region = eu-west-1",
                        "ovha.twin.masters = 3",
                        "ovha.twin.media = 4",
                        "ovha.twin.seed = 7")
                .property("ovha.region", "eu-west-2")
                .property("ovha.twin.masters", "5")
                .property("ovha.twin.media", "6")
                .env("OVHA_REGION", "eu-west-3")
                .env("OVHA_TWIN_MASTERS", "9");

        HarnessConfig config = inputs.resolve();

        assertThat(config.region()).isEqualTo("eu-west-3");
        assertThat(config.sourceOf(ConfigKey.REGION)).hasValue(ValueSource.environment("OVHA_REGION"));
        assertThat(config.twin().masters()).isEqualTo(9);
        assertThat(config.twin().media()).isEqualTo(6);
        assertThat(config.sourceOf(ConfigKey.TWIN_MEDIA)).hasValue(ValueSource.systemProperty("ovha.twin.media"));
        assertThat(config.twin().seed()).isEqualTo(7L);
        assertThat(config.sourceOf(ConfigKey.TWIN_SEED))
                .hasValue(ValueSource.file(cwd.resolve("ovha.properties").toAbsolutePath()));
        assertThat(config.twin().timeScale()).isEqualTo(60.0);
        assertThat(config.sourceOf(ConfigKey.TWIN_TIME_SCALE)).hasValue(ValueSource.defaults());
    }

    @Test
    void envNamesFollowTheDocumentedMapping() {
        assertThat(ConfigKey.AWS_ENDPOINT.envName()).isEqualTo("OVHA_AWS_ENDPOINT");
        assertThat(ConfigKey.TWIN_TIME_SCALE.envName()).isEqualTo("OVHA_TWIN_TIME_SCALE");
        assertThat(ConfigKey.TARGET.envName()).isEqualTo("OVHA_TARGET");
        assertThat(ConfigKey.CONFIG_FILE.envName()).isEqualTo("OVHA_CONFIG_FILE");
        assertThat(ConfigKey.OPENVIDU_SECRET.envName()).isEqualTo("OVHA_OPENVIDU_SECRET");
        assertThat(ConfigKey.envNameOf("ovha.s3BucketURL")).isEqualTo("OVHA_S3_BUCKET_URL");
        assertThat(ConfigKey.allEnvNames()).doesNotHaveDuplicates().hasSize(ConfigKey.values().length);
    }

    @Test
    void theKeyNamesArePublicAndExact() {
        assertThat(ConfigKey.allKeys()).containsExactly(
                "ovha.config.file", "ovha.target", "ovha.stack", "ovha.region", "ovha.aws.endpoint",
                "ovha.aws.profile", "ovha.openvidu.url", "ovha.openvidu.httpUrl", "ovha.openvidu.secret",
                "ovha.openvidu.attempts", "ovha.tls.ca", "ovha.timeout.default", "ovha.poll.interval",
                "ovha.twin.masters", "ovha.twin.media", "ovha.twin.timeScale", "ovha.twin.seed",
                "ovha.allow", "ovha.chaos.allow", "ovha.chaos.allowProduction", "ovha.chaos.dryRun",
                "ovha.chaos.productionTagKeys", "ovha.chaos.productionTagValues", "ovha.chaos.minHealthyMasters",
                "ovha.chaos.journal", "ovha.chaos.shutdownBudget", "ovha.chaos.undoTimeout",
                "ovha.probe.rate", "ovha.probe.path", "ovha.probe.timeout",
                "ovha.fis.roleArn", "ovha.chaos.recoveryBudget", "ovha.chaos.errorWindowBudget",
                "ovha.chaos.minSuccessRatio", "ovha.chaos.outageDuration");
    }

    @Test
    void everyKeyCanBeSetThroughItsEnvironmentVariable() throws Exception {
        Path ca = Files.writeString(cwd.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        HarnessConfig config = inputs()
                .env("OVHA_TARGET", "aws")
                .env("OVHA_STACK", "OpenViduHA-prod")
                .env("OVHA_REGION", "us-gov-west-1")
                .env("OVHA_AWS_ENDPOINT", "http://127.0.0.1:4566")
                .env("OVHA_AWS_PROFILE", "ovha-ci")
                .env("OVHA_OPENVIDU_URL", "https://openvidu.example.com")
                .env("OVHA_OPENVIDU_SECRET", "s3cr3t_Value-1")
                .env("OVHA_TLS_CA", "ca.pem")
                .env("OVHA_TWIN_MASTERS", "1")
                .env("OVHA_TWIN_MEDIA", "0")
                .env("OVHA_TWIN_TIME_SCALE", "2.5")
                .env("OVHA_TWIN_SEED", "-9")
                .resolve();

        assertThat(config.target()).isEqualTo(Target.AWS);
        assertThat(config.stack()).isEqualTo("OpenViduHA-prod");
        assertThat(config.region()).isEqualTo("us-gov-west-1");
        assertThat(config.awsEndpoint()).hasValue(URI.create("http://127.0.0.1:4566"));
        assertThat(config.awsProfile()).hasValue("ovha-ci");
        assertThat(config.openviduUrl()).hasValue(URI.create("https://openvidu.example.com"));
        assertThat(config.openviduSecret().map(Secret::reveal)).hasValue("s3cr3t_Value-1");
        assertThat(config.tlsCa()).hasValue(ca.toAbsolutePath());
        assertThat(config.twin()).isEqualTo(new TwinSettings(1, 0, 2.5, -9L));
    }

    @Test
    void targetIsCaseInsensitiveAndValuesAreTrimmed() {
        HarnessConfig config = inputs().property("ovha.target", " AWS ").property("ovha.stack", "s").resolve();

        assertThat(config.target()).isEqualTo(Target.AWS);
    }

    @Test
    void blankValuesCountAsUnsetSoLowerLayersStillApply() {
        HarnessConfig config = inputs()
                .property("ovha.region", "ap-southeast-2")
                .env("OVHA_REGION", "")
                .env("OVHA_AWS_PROFILE", "   ")
                .resolve();

        assertThat(config.region()).isEqualTo("ap-southeast-2");
        assertThat(config.awsProfile()).isEmpty();
    }

    @Test
    void awsTargetRequiresAStackAndSaysHowToSetIt() {
        assertThatThrownBy(() -> inputs().env("OVHA_TARGET", "aws").resolve())
                .isInstanceOf(ConfigException.class)
                .hasMessage("ovha.stack is required when ovha.target = aws (from env OVHA_TARGET): expected a"
                        + " CloudFormation stack name; set -Dovha.stack=<name> or OVHA_STACK");
    }

    @Test
    void awsTargetUsesTheGivenStackWhileTheTwinDefaultsToItsOwn() {
        assertThat(inputs().env("OVHA_TARGET", "aws").property("ovha.stack", "prod-ha").resolve().stack())
                .isEqualTo("prod-ha");
        assertThat(inputs().resolve().stack()).isEqualTo("ovha-twin");
    }

    @Test
    void aConfigFileNamedExplicitlyIsReadInsteadOfTheDefaultOne() {
        HarnessConfig config = inputs()
                .file("ovha.properties", "ovha.region = eu-west-1")
                .file("ci.properties", "ovha.region = eu-central-1")
                .property("ovha.config.file", "ci.properties")
                .resolve();

        assertThat(config.region()).isEqualTo("eu-central-1");
        assertThat(config.sourceOf(ConfigKey.CONFIG_FILE))
                .hasValue(ValueSource.systemProperty("ovha.config.file"));
    }

    @Test
    void aConfigFileNamedExplicitlyButMissingIsAnError() {
        Path missing = cwd.resolve("nope.properties").toAbsolutePath();

        assertThatThrownBy(() -> inputs().env("OVHA_CONFIG_FILE", "nope.properties").resolve())
                .isInstanceOf(ConfigException.class)
                .hasMessage("ovha.config.file = 'nope.properties' (from env OVHA_CONFIG_FILE): expected an"
                        + " existing, readable properties file, but " + missing + " is not one");
    }

    @Test
    void aMissingDefaultConfigFileIsFine() {
        HarnessConfig config = inputs().resolve();

        assertThat(config.describe()).contains("ovha.config.file = (none: "
                + cwd.resolve("ovha.properties").toAbsolutePath() + " not present) (default)");
    }

    @Test
    void aConfigFileThatIsNotUtf8PropertiesIsAnErrorNamingIt() throws Exception {
        Path file = cwd.resolve("ovha.properties");
        Files.write(file, new byte[] {'o', 'v', 'h', 'a', '.', 's', 't', 'a', 'c', 'k', '=', (byte) 0xC3, (byte) 0x28});

        assertThatThrownBy(() -> inputs().resolve())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("ovha.config.file = '" + file.toAbsolutePath() + "' (default): expected a"
                        + " readable UTF-8 properties file; reading it failed: ");
    }

    @Test
    void theConfigFileCannotNameAnotherConfigFile() {
        assertThatThrownBy(() -> inputs().file("ovha.properties", "ovha.config.file = other.properties").resolve())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("ovha.config.file (from file ")
                .hasMessageContaining("set OVHA_CONFIG_FILE or -Dovha.config.file instead");
    }
}
