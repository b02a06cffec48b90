package dev.ovha.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DotEnvTextTest {
    private static final String ENV = "# OpenVidu\nOPENVIDU_SECRET=s3cret\n\nOPENVIDU_CDR = \"false\"\nA=1\nA=2\n";

    @Test
    void readsValuesLastAssignmentWinning() {
        DotEnvText env = DotEnvText.parse(ENV);

        assertThat(env.get("OPENVIDU_CDR")).hasValue("false");
        assertThat(env.raw("OPENVIDU_CDR")).hasValue(" \"false\"");
        assertThat(env.get("A")).hasValue("2");
        assertThat(env.get("MISSING")).isEmpty();
        assertThat(env.values()).containsOnlyKeys("OPENVIDU_SECRET", "OPENVIDU_CDR", "A");
    }

    @Test
    void settingBackTheRawTextAndRemovingAnAddedKeyGivesTheSameBytes() {
        DotEnvText env = DotEnvText.parse(ENV);
        String raw = env.raw("OPENVIDU_CDR").orElseThrow();

        env.set("OPENVIDU_CDR", "true").set("NEW_KEY", "x");
        assertThat(env.text()).contains("OPENVIDU_CDR =true\n").endsWith("A=2\nNEW_KEY=x\n");

        env.set("OPENVIDU_CDR", raw).remove("NEW_KEY");
        assertThat(env.text()).isEqualTo(ENV);
    }

    @Test
    void keepsAMissingFinalNewlineMissing() {
        assertThat(DotEnvText.parse("A=1").set("A", "2").text()).isEqualTo("A=2");
        assertThat(DotEnvText.parse("").set("A", "2").text()).isEqualTo("A=2\n");
    }
}
