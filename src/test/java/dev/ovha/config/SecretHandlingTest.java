package dev.ovha.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretHandlingTest {
    private static final String SECRET = "Sup3r_s3cret-value";

    @TempDir
    Path cwd;

    @Test
    void aSecretPrintsAsAMaskAndRevealsOnlyOnRequest() {
        Secret secret = Secret.of(SECRET);

        assertThat(secret).hasToString("****");
        assertThat(String.valueOf(secret)).doesNotContain(SECRET);
        assertThat(secret.reveal()).isEqualTo(SECRET);
        assertThat(secret).isEqualTo(Secret.of(SECRET)).isNotEqualTo(Secret.of("other"))
                .hasSameHashCodeAs(Secret.of(SECRET));
        assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theResolvedSecretIsMaskedInDescribeAndToString() {
        HarnessConfig config = new ConfigInputs(cwd).env("OVHA_OPENVIDU_SECRET", SECRET).resolve();

        assertThat(config.openviduSecret()).hasValue(Secret.of(SECRET));
        assertThat(config.describe())
                .contains("ovha.openvidu.secret = **** (from env OVHA_OPENVIDU_SECRET)")
                .doesNotContain(SECRET);
        assertThat(config.toString()).contains("ovha.openvidu.secret=****").doesNotContain(SECRET);
    }

    @Test
    void anUnsetSecretIsShownAsNotSet() {
        assertThat(new ConfigInputs(cwd).resolve().describe()).contains("ovha.openvidu.secret = (not set)");
    }

    @Test
    void anInvalidSecretIsRejectedWithoutEchoingIt() {
        String bad = "almost-right but has spaces!";

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> new ConfigInputs(cwd).property("ovha.openvidu.secret", bad).resolve());

        assertThat(e.getMessage())
                .isEqualTo("ovha.openvidu.secret: the value (hidden, from -Dovha.openvidu.secret) contains"
                        + " characters OpenVidu does not accept; expected letters, digits, '_' or '-'")
                .doesNotContain("spaces");
        assertThat(e).hasNoCause();
    }

    @Test
    void aSecretKeyIsNeverEchoedEvenThroughTheGenericMessage() {
        SourcedValue raw = new SourcedValue(SECRET, ValueSource.environment("OVHA_OPENVIDU_SECRET"));

        ConfigException e = ConfigException.invalid(ConfigKey.OPENVIDU_SECRET, raw, "something else");

        assertThat(e.getMessage()).doesNotContain(SECRET).contains("(hidden, from env OVHA_OPENVIDU_SECRET)");
    }

    @Test
    void onlyTheOpenviduSecretIsMarkedSecret() {
        assertThat(ConfigKey.values()).filteredOn(ConfigKey::isSecret).containsExactly(ConfigKey.OPENVIDU_SECRET);
    }
}
