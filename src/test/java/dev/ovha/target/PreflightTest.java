package dev.ovha.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ovha.config.ConfigException;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.sim.Fault;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a run can be pointed wrong ends before any scenario, with one line that says what to fix. */
class PreflightTest {
    private static Twin twin;

    @TempDir
    Path workDir;

    @BeforeAll
    static void start() {
        TwinAsLiveStack.useTwinCredentials();
        twin = Twin.start(TwinOptions.deterministic());
    }

    @AfterAll
    static void stop() {
        twin.close();
        TwinAsLiveStack.forgetTwinCredentials();
    }

    private PreflightReport preflight(Consumer<Map<String, String>> change) {
        Map<String, String> settings = new HashMap<>(TwinAsLiveStack.settings(twin, workDir));
        change.accept(settings);
        try (TargetEnvironment env = TargetEnvironment.open(TwinAsLiveStack.config(settings, workDir))) {
            return env.preflight();
        }
    }

    private void refused(Consumer<Map<String, String>> change, String... fragments) {
        assertThatThrownBy(() -> preflight(change)).isInstanceOf(RunRefused.class)
                .satisfies(e -> System.out.println("refused: " + e.getMessage()))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(fragments))
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @Test
    void aWellPointedRunPassesWithWhatItFound() {
        PreflightReport report = preflight(s -> { });
        assertThat(report.stackName()).isEqualTo("ovha-twin");
        assertThat(report.stackStatus()).isEqualTo("CREATE_COMPLETE");
        assertThat(report.identity().account()).isEqualTo("123456789012");
        assertThat(report.openViduVersion()).hasValue("2.32.2");
        assertThat(report.certificate().validForHost()).isTrue();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void anUnknownStack() {
        refused(s -> s.put("ovha.stack", "no-such-stack"),
                "stack 'no-such-stack' does not exist in region us-east-1 of account 123456789012", "ovha.stack");
    }

    @Test
    void aWrongSecret() {
        refused(s -> s.put("ovha.openvidu.secret", "not-the-secret"), "refuses the configured secret (401)",
                "ovha.openvidu.secret");
    }

    @Test
    void anUntrustedCertificate() {
        refused(s -> s.remove("ovha.tls.ca"), "is not trusted", "ovha.tls.ca");
    }

    @Test
    void anUnresolvableDomain() {
        refused(s -> s.put("ovha.openvidu.url", "https://ovha-nowhere.invalid"), "ovha-nowhere.invalid does not resolve",
                "CNAME");
    }

    @Test
    void aDomainNobodyAnswersOn() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int port = closedPort;
        refused(s -> s.put("ovha.openvidu.url", "https://127.0.0.1:" + port), "refuses connections");
    }

    @Test
    void noCredentials() {
        refused(s -> s.put("ovha.aws.profile", "ovha-no-such-profile"), "AWS", "credentials");
    }

    @Test
    void aRegionWithoutAws() {
        refused(s -> {
            s.remove("ovha.aws.endpoint");
            s.put("ovha.region", "xx-nowhere-1");
        }, "region 'xx-nowhere-1'", "ovha.region");
    }

    @Test
    void noSecretForALiveStack() {
        assertThatThrownBy(() -> {
            Map<String, String> settings = new HashMap<>(TwinAsLiveStack.settings(twin, workDir));
            settings.remove("ovha.openvidu.secret");
            TargetEnvironment.open(TwinAsLiveStack.config(settings, workDir)).close();
        }).isInstanceOf(RunRefused.class).hasMessageStartingWith("ovha.openvidu.secret is required when ovha.target = aws");
    }

    @Test
    void noStackNameForALiveStackIsAConfigurationError() {
        Map<String, String> settings = new HashMap<>(TwinAsLiveStack.settings(twin, workDir));
        settings.remove("ovha.stack");
        assertThatThrownBy(() -> TwinAsLiveStack.config(settings, workDir)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("ovha.stack is required when ovha.target = aws");
    }

    @Test
    void aCertificateForAnotherHostIsAWarningForTheScenariosNotARefusal() {
        twin.inject(Fault.CERT_WRONG_HOST);
        try {
            PreflightReport report = preflight(s -> { });
            assertThat(report.certificate().validForHost()).isFalse();
            assertThat(report.warnings()).singleElement().asString().contains("not valid for that name");
        } finally {
            twin.clear(Fault.CERT_WRONG_HOST);
        }
    }
}
