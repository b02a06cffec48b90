package dev.ovha.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Builds the three inputs of {@link HarnessConfig#resolve} for a test, isolated from the real machine. */
final class ConfigInputs {
    private final Path workingDirectory;
    private final Map<String, String> env = new HashMap<>();
    private final Properties systemProperties = new Properties();

    ConfigInputs(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    ConfigInputs env(String name, String value) {
        env.put(name, value);
        return this;
    }

    ConfigInputs property(String key, String value) {
        systemProperties.setProperty(key, value);
        return this;
    }

    /** Writes {@code lines} to {@code fileName} in the working directory. */
    ConfigInputs file(String fileName, String... lines) {
        try {
            Files.writeString(workingDirectory.resolve(fileName), String.join("\n", lines) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    HarnessConfig resolve() {
        return HarnessConfig.resolve(env, systemProperties, workingDirectory);
    }
}
