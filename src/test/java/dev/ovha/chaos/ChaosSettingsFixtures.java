package dev.ovha.chaos;

import dev.ovha.config.HarnessConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** Chaos settings resolved the way a run resolves them, from explicit inputs. */
final class ChaosSettingsFixtures {
    private ChaosSettingsFixtures() {
    }

    static ChaosSettings defaults(boolean dryRun) {
        return resolve(Map.of("OVHA_CHAOS_DRY_RUN", String.valueOf(dryRun)), new Properties());
    }

    static ChaosSettings resolve(Map<String, String> env, Properties properties) {
        Path cwd = Path.of("target", "chaos-settings-cwd").toAbsolutePath();
        return ChaosSettings.from(HarnessConfig.resolve(env, properties, cwd), cwd);
    }

    static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }
}
