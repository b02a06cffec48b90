package dev.ovha.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigValidationTest {
    @TempDir
    Path cwd;

    @Test
    void anUnknownTargetNamesKeyValueSourceAndChoices() {
        assertThatThrownBy(() -> new ConfigInputs(cwd).property("ovha.target", "gcp").resolve())
                .isInstanceOf(ConfigException.class)
                .hasMessage("ovha.target = 'gcp' (from -Dovha.target): expected one of twin, aws");
    }

    static Stream<Arguments> badValues() {
        String longStack = "a".repeat(129);
        return Stream.of(
                Arguments.of("ovha.stack", "1stack", "a CloudFormation stack name"),
                Arguments.of("ovha.stack", "my_stack", "a CloudFormation stack name"),
                Arguments.of("ovha.stack", longStack, "at most 128 characters"),
                Arguments.of("ovha.region", "EU-WEST-1", "an AWS region name"),
                Arguments.of("ovha.region", "eu-west", "an AWS region name"),
                Arguments.of("ovha.region", "euwest1", "an AWS region name"),
                Arguments.of("ovha.aws.endpoint", "localhost:4566", "an absolute http:// or https:// URL"),
                Arguments.of("ovha.aws.endpoint", "ftp://emulator:21", "an absolute http:// or https:// URL"),
                Arguments.of("ovha.aws.endpoint", "/relative/path", "an absolute http:// or https:// URL"),
                Arguments.of("ovha.openvidu.url", "https://exa mple.com", "an absolute http:// or https:// URL"),
                Arguments.of("ovha.tls.ca", "missing-ca.pem", "an existing, readable file"),
                Arguments.of("ovha.twin.masters", "0", "a whole number of at least 1"),
                Arguments.of("ovha.twin.masters", "two", "a whole number of at least 1"),
                Arguments.of("ovha.twin.media", "-1", "a whole number of at least 0"),
                Arguments.of("ovha.twin.timeScale", "0", "a number greater than 0"),
                Arguments.of("ovha.twin.timeScale", "NaN", "a number greater than 0"),
                Arguments.of("ovha.twin.timeScale", "Infinity", "a number greater than 0"),
                Arguments.of("ovha.twin.seed", "4.2", "a whole number (64-bit)"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badValues")
    void aBadSystemPropertyFailsWithOneLineNamingKeyValueExpectationAndSource(String key, String value,
                                                                               String expectation) {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> new ConfigInputs(cwd).property(key, value).resolve());

        assertThat(e.getMessage())
                .startsWith(key + " = '" + value + "' (from -D" + key + "): expected ")
                .contains(expectation)
                .doesNotContain("\n", "\r");
    }

    @Test
    void aBadEnvironmentValueNamesTheVariable() {
        assertThatThrownBy(() -> new ConfigInputs(cwd).env("OVHA_TWIN_TIME_SCALE", "-1").resolve())
                .hasMessage("ovha.twin.timeScale = '-1' (from env OVHA_TWIN_TIME_SCALE): expected a number"
                        + " greater than 0, such as 60 or 0.5");
    }

    @Test
    void aBadFileValueNamesTheFile() {
        Path file = cwd.resolve("ovha.properties").toAbsolutePath();

        assertThatThrownBy(() -> new ConfigInputs(cwd).file("ovha.properties", "ovha.region=mars").resolve())
                .hasMessage("ovha.region = 'mars' (from file " + file + "): expected an AWS region name such as"
                        + " us-east-1, eu-west-1 or us-gov-west-1");
    }

    @Test
    void controlCharactersInAValueCannotBreakTheOneLineMessage() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> new ConfigInputs(cwd).property("ovha.target", "gcp\nINFO forged log line").resolve());

        assertThat(e.getMessage())
                .isEqualTo("ovha.target = 'gcp\\nINFO forged log line' (from -Dovha.target): expected one of"
                        + " twin, aws");
    }

    @Test
    void userInfoInAUrlIsRejectedWithoutEchoingThePassword() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> new ConfigInputs(cwd).env("OVHA_OPENVIDU_URL", "https://admin:hunter2@ov.example.com")
                        .resolve());

        assertThat(e.getMessage())
                .startsWith("ovha.openvidu.url = 'https://****@ov.example.com' (from env OVHA_OPENVIDU_URL)")
                .contains("no user:password@ part")
                .doesNotContain("hunter2");
    }

    @Test
    void theFirstBadValueStopsResolution() {
        // Fail fast: the target is checked before the twin settings, whatever order they were given in.
        assertThatThrownBy(() -> new ConfigInputs(cwd)
                .env("OVHA_TWIN_MASTERS", "0")
                .env("OVHA_TARGET", "gcp")
                .resolve())
                .hasMessageStartingWith("ovha.target = 'gcp'");
    }
}
