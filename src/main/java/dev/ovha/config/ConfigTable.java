package dev.ovha.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The configuration reference for the README, generated from the {@link ConfigKey} catalogue. */
public final class ConfigTable {
    private ConfigTable() {
    }

    /** A Markdown table: property, environment variable, default, description. */
    public static String markdown() {
        String header = "| Property | Environment variable | Default | Description |\n"
                + "|---|---|---|---|\n";
        return header + Arrays.stream(ConfigKey.values())
                .map(key -> "| `" + key.key() + "` | `" + key.envName() + "` | "
                        + key.defaultValue().map(d -> "`" + d + "`").orElse("") + " | "
                        + key.description().replace("|", "\\|") + " |")
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
