package dev.ovha.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ovha.config.ConfigException;
import dev.ovha.config.HarnessConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The @disruptive scenarios' budgets and FIS role: defaults per target, and one-line refusals of bad values. */
class ChaosBudgetsTest {
    private static HarnessConfig config(Map<String, String> env, String... properties) {
        Path cwd = Path.of("target", "chaos-budgets-cwd").toAbsolutePath();
        return HarnessConfig.resolve(env, ChaosSettingsFixtures.properties(properties), cwd);
    }

    private static final Map<String, String> AWS = Map.of("OVHA_TARGET", "aws", "OVHA_STACK", "ov-staging",
            "OVHA_OPENVIDU_SECRET", "s3cret");

    @Test
    void theTwinsBudgetsAreSecondsAndAwsOnesMinutes() {
        assertThat(ChaosBudgets.from(config(Map.of()))).isEqualTo(new ChaosBudgets(Duration.ofSeconds(10),
                Duration.ofSeconds(3), 0.7, Duration.ofSeconds(60)));
        assertThat(ChaosBudgets.from(config(AWS))).isEqualTo(new ChaosBudgets(Duration.ofSeconds(900),
                Duration.ofSeconds(120), 0.7, Duration.ofSeconds(60)));
        assertThat(ChaosBudgets.from(config(AWS, "ovha.chaos.recoveryBudget", "600", "ovha.chaos.minSuccessRatio", "0.9"))
                .describe()).isEqualTo("recovery 600 s, longest error window 120 s, success >= 90 %");
    }

    @Test
    void aBadBudgetIsOneLineNamingTheKey() {
        assertThatThrownBy(() -> ChaosBudgets.from(config(Map.of(), "ovha.chaos.minSuccessRatio", "95%")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ovha.chaos.minSuccessRatio = '95%'")
                .hasMessageContaining("a share between 0 and 1");
        assertThatThrownBy(() -> ChaosBudgets.from(config(Map.of(), "ovha.chaos.outageDuration", "30")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("from 60 to 3600");
    }

    @Test
    void theTwinHasAnFisRoleByDefaultAndAwsNone() {
        assertThat(FisRole.from(config(Map.of()), "123456789012").arn())
                .hasValue("arn:aws:iam::123456789012:role/ovha-twin-fis");
        assertThat(FisRole.from(config(Map.of(), "ovha.fis.roleArn", "none"), "123456789012").arn()).isEmpty();
        assertThat(FisRole.from(config(AWS), "210987654321").arn()).isEmpty();
        assertThat(FisRole.from(config(AWS, "ovha.fis.roleArn", "arn:aws:iam::210987654321:role/ovha-fis"), "210987654321")
                .arn()).isEqualTo(Optional.of("arn:aws:iam::210987654321:role/ovha-fis"));
        assertThatThrownBy(() -> FisRole.from(config(AWS, "ovha.fis.roleArn", "ovha-fis"), "210987654321"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("an IAM role ARN such as");
    }
}
