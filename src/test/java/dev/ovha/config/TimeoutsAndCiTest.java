package dev.ovha.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeoutsAndCiTest {
    @TempDir
    Path cwd;

    @Test
    void timeoutsDefaultPerTargetAndCanBeSet() {
        assertThat(new ConfigInputs(cwd).resolve().timeouts())
                .isEqualTo(new Timeouts(Duration.ofSeconds(15), Duration.ofMillis(100)));
        assertThat(new ConfigInputs(cwd).env("OVHA_TARGET", "aws").env("OVHA_STACK", "prod").resolve().timeouts())
                .isEqualTo(new Timeouts(Duration.ofSeconds(300), Duration.ofMillis(5000)));
        HarnessConfig set = new ConfigInputs(cwd).property("ovha.timeout.default", "42")
                .env("OVHA_POLL_INTERVAL", "250").resolve();
        assertThat(set.timeouts()).isEqualTo(new Timeouts(Duration.ofSeconds(42), Duration.ofMillis(250)));
        assertThat(set.describe()).contains("ovha.timeout.default = 42 (from -Dovha.timeout.default)",
                "ovha.poll.interval = 250 (from env OVHA_POLL_INTERVAL)");
    }

    @Test
    void aBadTimeoutIsOneLineNamingTheKey() {
        assertThatThrownBy(() -> new ConfigInputs(cwd).property("ovha.timeout.default", "soon").resolve())
                .isInstanceOf(ConfigException.class)
                .hasMessage("ovha.timeout.default = 'soon' (from -Dovha.timeout.default): expected a whole number of at least 1");
    }

    @Test
    void openViduSettingsCarryUrlsAndTheRetryBound() {
        HarnessConfig config = new ConfigInputs(cwd).env("OVHA_OPENVIDU_HTTP_URL", "http://proxy.example:8080")
                .property("ovha.openvidu.attempts", "2").resolve();
        assertThat(config.openvidu().httpUrl()).hasValueSatisfying(u -> assertThat(u).hasToString("http://proxy.example:8080"));
        assertThat(config.openvidu().attempts()).isEqualTo(2);
        assertThatThrownBy(() -> new ConfigInputs(cwd).property("ovha.openvidu.attempts", "0").resolve())
                .hasMessageContaining("ovha.openvidu.attempts");
    }

    @Test
    void theNewKeysHaveReadableEnvironmentNames() {
        assertThat(ConfigKey.OPENVIDU_HTTP_URL.envName()).isEqualTo("OVHA_OPENVIDU_HTTP_URL");
        assertThat(ConfigKey.TIMEOUT_DEFAULT.envName()).isEqualTo("OVHA_TIMEOUT_DEFAULT");
        assertThat(ConfigKey.POLL_INTERVAL.envName()).isEqualTo("OVHA_POLL_INTERVAL");
        assertThat(ConfigKey.OPENVIDU_ATTEMPTS.envName()).isEqualTo("OVHA_OPENVIDU_ATTEMPTS");
    }

    @Test
    void ciRunsAreRecognisedFromTheirVariables() {
        CiRun github = CiRun.from(Map.of("GITHUB_ACTIONS", "true", "GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REPOSITORY", "acme/ovha", "GITHUB_RUN_ID", "99", "GITHUB_RUN_NUMBER", "7",
                "GITHUB_WORKFLOW", "nightly"));
        assertThat(github.type()).isEqualTo("github");
        assertThat(github.buildName()).isEqualTo("nightly #7");
        assertThat(github.buildUrl()).hasValue("https://github.com/acme/ovha/actions/runs/99");

        CiRun jenkins = CiRun.from(Map.of("JENKINS_URL", "https://ci.acme/", "BUILD_URL", "https://ci.acme/job/ov/12/",
                "BUILD_NUMBER", "12", "JOB_NAME", "ov"));
        assertThat(jenkins.type()).isEqualTo("jenkins");
        assertThat(jenkins.buildUrl()).hasValue("https://ci.acme/job/ov/12/");

        CiRun gitlab = CiRun.from(Map.of("GITLAB_CI", "true", "CI_PIPELINE_URL", "https://gl/p/1", "CI_PIPELINE_IID", "1",
                "CI_JOB_NAME", "conformance", "CI_PROJECT_URL", "https://gl/p"));
        assertThat(gitlab.type()).isEqualTo("gitlab");
        assertThat(gitlab.buildUrl()).hasValue("https://gl/p/1");

        assertThat(CiRun.from(Map.of()).type()).isEqualTo("local");
    }
}
