package dev.ovha.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescribeTest {
    @TempDir
    Path cwd;

    @Test
    void describeShowsEveryValueWithItsSource() {
        HarnessConfig config = new ConfigInputs(cwd)
                .file("ovha.properties", "ovha.twin.seed = 7")
                .property("ovha.region", "eu-west-1")
                .env("OVHA_TWIN_TIME_SCALE", "120")
                .resolve();
        Path file = cwd.resolve("ovha.properties").toAbsolutePath();

        assertThat(config.describe().split("\\R")).containsExactly(
                "ovha.config.file = " + file + " (default)",
                "ovha.target = twin (default)",
                "ovha.stack = ovha-twin (default)",
                "ovha.region = eu-west-1 (from -Dovha.region)",
                "ovha.aws.endpoint = (not set)",
                "ovha.aws.profile = (not set)",
                "ovha.openvidu.url = (not set)",
                "ovha.openvidu.httpUrl = (not set)",
                "ovha.openvidu.secret = (not set)",
                "ovha.openvidu.attempts = 5 (default)",
                "ovha.tls.ca = (not set)",
                "ovha.timeout.default = 15 (default)",
                "ovha.poll.interval = 100 (default)",
                "ovha.twin.masters = 2 (default)",
                "ovha.twin.media = 2 (default)",
                "ovha.twin.timeScale = 120 (from env OVHA_TWIN_TIME_SCALE)",
                "ovha.twin.seed = 7 (from file " + file + ")",
                "ovha.allow = (not set)",
                "ovha.chaos.allow = (not set)",
                "ovha.chaos.allowProduction = (not set)",
                "ovha.chaos.dryRun = false (default)",
                "ovha.chaos.productionTagKeys = environment,env,stage (default)",
                "ovha.chaos.productionTagValues = prod,production (default)",
                "ovha.chaos.minHealthyMasters = 2 (default)",
                "ovha.chaos.journal = reports/undo-journal.jsonl (default)",
                "ovha.chaos.shutdownBudget = 60 (default)",
                "ovha.chaos.undoTimeout = 120 (default)",
                "ovha.probe.rate = 20 (default)",
                "ovha.probe.path = /openvidu/api/config (default)",
                "ovha.probe.timeout = 2000 (default)",
                "ovha.fis.roleArn = (not set)",
                "ovha.chaos.recoveryBudget = (not set)",
                "ovha.chaos.errorWindowBudget = (not set)",
                "ovha.chaos.minSuccessRatio = 0.7 (default)",
                "ovha.chaos.outageDuration = 60 (default)");
    }

    @Test
    void describeLeavesTwinSettingsOutWhenDrivingAws() {
        String description = new ConfigInputs(cwd)
                .env("OVHA_TARGET", "aws")
                .env("OVHA_STACK", "prod")
                .resolve()
                .describe();

        assertThat(description)
                .contains("ovha.target = aws (from env OVHA_TARGET)", "ovha.stack = prod (from env OVHA_STACK)")
                .contains("ovha.timeout.default = 300 (default)", "ovha.poll.interval = 5000 (default)")
                .doesNotContain("ovha.twin.");
    }

    @Test
    void toStringIsOneLine() {
        String text = new ConfigInputs(cwd).resolve().toString();

        assertThat(text).startsWith("HarnessConfig[").contains("ovha.target=twin", "ovha.aws.profile=-")
                .doesNotContain("\n");
    }

    @Test
    void theReadmeTableListsEveryKeyOnce() {
        String table = ConfigTable.markdown();

        for (ConfigKey key : ConfigKey.values()) {
            assertThat(table).containsOnlyOnce("| `" + key.key() + "` | `" + key.envName() + "` |");
        }
        assertThat(table).contains("| `ovha.twin.timeScale` | `OVHA_TWIN_TIME_SCALE` | `60` |");
        assertThat(table.lines()).hasSize(ConfigKey.values().length + 2);
    }
}
