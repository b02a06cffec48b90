package dev.ovha.chaos;

import static dev.ovha.chaos.ChaosSettingsFixtures.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ovha.config.ConfigException;
import dev.ovha.config.HarnessConfig;
import dev.ovha.probe.ProbeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaosSettingsTest {
    @TempDir
    Path cwd;

    private HarnessConfig config(Map<String, String> env, Properties properties) {
        return HarnessConfig.resolve(env, properties, cwd);
    }

    @Test
    void defaultsAreSafe() {
        ChaosSettings settings = ChaosSettings.from(config(Map.of(), new Properties()), cwd);

        assertThat(settings.allow()).isEmpty();
        assertThat(settings.chaosAllow()).isEmpty();
        assertThat(settings.allowProduction()).isEmpty();
        assertThat(settings.dryRun()).isFalse();
        assertThat(settings.productionTagKeys()).isEqualTo(Set.of("environment", "env", "stage"));
        assertThat(settings.productionTagValues()).isEqualTo(Set.of("prod", "production"));
        assertThat(settings.minHealthyMasters()).isEqualTo(2);
        assertThat(settings.journal()).isEqualTo(cwd.resolve("reports/undo-journal.jsonl"));
        assertThat(settings.shutdownBudget()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.undoTimeout()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void valuesComeFromEveryLayerWithTheirSource() {
        ChaosSettings settings = ChaosSettings.from(config(Map.of("OVHA_CHAOS_ALLOW", "ov-a", "OVHA_CHAOS_DRY_RUN", "TRUE"),
                properties("ovha.allow", "ov-b", "ovha.chaos.journal", "/tmp/j.jsonl")), cwd);

        assertThat(settings.chaosAllow()).hasValue(new OptIn("ov-a", "(from env OVHA_CHAOS_ALLOW)"));
        assertThat(settings.allow()).hasValue(new OptIn("ov-b", "(from -Dovha.allow)"));
        assertThat(settings.dryRun()).isTrue();
        assertThat(settings.journal()).isEqualTo(Path.of("/tmp/j.jsonl"));
    }

    @Test
    void badValuesAreOneLineNamingKeySourceAndExpectation() {
        assertThatThrownBy(() -> ChaosSettings.from(config(Map.of(), properties("ovha.chaos.dryRun", "yes")), cwd))
                .isInstanceOf(ConfigException.class)
                .hasMessage("ovha.chaos.dryRun = 'yes' (from -Dovha.chaos.dryRun): expected true or false");
        assertThatThrownBy(() -> ChaosSettings.from(config(Map.of("OVHA_CHAOS_ALLOW", "my stack"), new Properties()), cwd))
                .hasMessageStartingWith("ovha.chaos.allow = 'my stack' (from env OVHA_CHAOS_ALLOW): expected the name"
                        + " of the stack to allow");
        assertThatThrownBy(() -> ChaosSettings.from(config(Map.of(), properties("ovha.chaos.minHealthyMasters", "1")), cwd))
                .hasMessage("ovha.chaos.minHealthyMasters = '1' (from -Dovha.chaos.minHealthyMasters): expected a whole"
                        + " number from 2 to 100");
        assertThatThrownBy(() -> ChaosSettings.from(config(Map.of(), properties("ovha.chaos.productionTagValues", "prod,,x")), cwd))
                .hasMessageContaining("expected a comma-separated list of words");
        assertThatThrownBy(() -> ChaosSettings.from(config(Map.of(), properties("ovha.chaos.shutdownBudget", "soon")), cwd))
                .hasMessageContaining("ovha.chaos.shutdownBudget = 'soon'");
    }

    @Test
    void aMistypedChaosKeyIsCaughtByTheConfigurationItself() {
        assertThatThrownBy(() -> config(Map.of(), properties("ovha.chaos.alow", "x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown configuration key 'ovha.chaos.alow'")
                .hasMessageContaining("did you mean 'ovha.chaos.allow'?");
    }

    @Test
    void probeSettingsParseAndRefuseNonsense() {
        ProbeSettings defaults = ProbeSettings.from(config(Map.of(), new Properties()));
        assertThat(defaults.rate()).isEqualTo(20);
        assertThat(defaults.interval()).isEqualTo(Duration.ofMillis(50));
        assertThat(defaults.path()).isEqualTo("/openvidu/api/config");
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(2));

        assertThatThrownBy(() -> ProbeSettings.from(config(Map.of("OVHA_PROBE_RATE", "5000"), new Properties())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("ovha.probe.rate = '5000' (from env OVHA_PROBE_RATE): expected requests per second"
                        + " between 0.1 and 1000");
        assertThatThrownBy(() -> ProbeSettings.from(config(Map.of(), properties("ovha.probe.path", "openvidu"))))
                .hasMessageContaining("expected an API path starting with '/'");
        assertThatThrownBy(() -> ProbeSettings.from(config(Map.of(), properties("ovha.probe.timeout", "fast"))))
                .hasMessage("ovha.probe.timeout = 'fast' (from -Dovha.probe.timeout): expected a number");
    }
}
