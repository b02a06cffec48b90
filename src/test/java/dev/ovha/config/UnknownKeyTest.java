package dev.ovha.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnknownKeyTest {
    @TempDir
    Path cwd;

    @Test
    void aMistypedSystemPropertyIsRejectedWithTheClosestKey() {
        assertThatThrownBy(() -> new ConfigInputs(cwd).property("ovha.twin.mastres", "3").resolve())
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown configuration key 'ovha.twin.mastres' (from -Dovha.twin.mastres):"
                        + " did you mean 'ovha.twin.masters'?");
    }

    @Test
    void aKeyWithTheWrongCaseIsRejectedAndPointedAtTheRightSpelling() {
        assertThatThrownBy(() -> new ConfigInputs(cwd).property("ovha.twin.timescale", "3").resolve())
                .hasMessageEndingWith("did you mean 'ovha.twin.timeScale'?");
    }

    @Test
    void aMistypedEnvironmentVariableIsRejectedWithTheClosestVariable() {
        assertThatThrownBy(() -> new ConfigInputs(cwd).env("OVHA_TWIN_TIMESCALE", "3").resolve())
                .hasMessage("unknown configuration key 'OVHA_TWIN_TIMESCALE' (from env OVHA_TWIN_TIMESCALE):"
                        + " did you mean 'OVHA_TWIN_TIME_SCALE'?");
    }

    @Test
    void aMistypedFileKeyNamesTheFile() {
        Path file = cwd.resolve("ovha.properties").toAbsolutePath();

        assertThatThrownBy(() -> new ConfigInputs(cwd).file("ovha.properties", "ovha.regoin = eu-west-1").resolve())
                .hasMessage("unknown configuration key 'ovha.regoin' (from file " + file + "):"
                        + " did you mean 'ovha.region'?");
    }

    @Test
    void aFileKeyWithoutThePrefixIsAMistakeToo() {
        assertThatThrownBy(() -> new ConfigInputs(cwd).file("ovha.properties", "target = aws").resolve())
                .hasMessageContaining("unknown configuration key 'target'")
                .hasMessageEndingWith("did you mean 'ovha.target'?");
    }

    @Test
    void everyTypoIsReportedOnTheSameLine() {
        ConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class,
                () -> new ConfigInputs(cwd).property("ovha.regin", "x").property("ovha.stak", "y").resolve());

        assertThat(e.getMessage())
                .contains("'ovha.regin'", "'ovha.region'", "'ovha.stak'", "'ovha.stack'")
                .doesNotContain("\n");
    }

    @Test
    void namesOutsideTheHarnessNamespaceAndMavenBuildSwitchesAreLeftAlone() {
        HarnessConfig config = new ConfigInputs(cwd)
                .env("PATH", "/usr/bin")
                .env("OVHAX", "unrelated")
                .env("OVHA_TEST_GROUPS", "selftest")
                .property("java.version", "17")
                .property("ovha.test.groups", "selftest")
                .resolve();

        assertThat(config.target()).isEqualTo(Target.TWIN);
    }

    @Test
    void closestKeyUsesEditDistance() {
        assertThat(ClosestKey.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ClosestKey.distance("", "abc")).isEqualTo(3);
        assertThat(ClosestKey.to("ovha.openvidu.secrte", ConfigKey.allKeys())).isEqualTo("ovha.openvidu.secret");
    }
}
