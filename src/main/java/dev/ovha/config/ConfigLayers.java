package dev.ovha.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The three explicit layers (environment, system properties, properties file), merged by precedence, plus
 * the defaults behind them.
 *
 * <p>Unknown {@code ovha.*} / {@code OVHA_*} names are rejected rather than ignored: a mistyped key that is
 * silently dropped would make a run quietly use a default, which is the worst kind of test failure.
 */
final class ConfigLayers {
    /**
     * Maven build switches (pom.xml's {@code ovha.test.groups}); surefire forwards {@code mvn -D...} into
     * the test JVM, so they show up as system properties without being harness configuration.
     */
    private static final String BUILD_ONLY_PREFIX = "ovha.test.";
    private static final String BUILD_ONLY_ENV_PREFIX = "OVHA_TEST_";

    private final Map<ConfigKey, SourcedValue> explicit;
    private final ConfigFileChoice configFile;

    /**
     * Which properties file applies.
     *
     * @param path   absolute path
     * @param source where the path came from; {@link ValueSource.Kind#DEFAULT} for {@code ./ovha.properties}
     * @param loaded whether the file was read (the default file is optional)
     */
    record ConfigFileChoice(Path path, ValueSource source, boolean loaded) {
    }

    private ConfigLayers(Map<ConfigKey, SourcedValue> explicit, ConfigFileChoice configFile) {
        this.explicit = explicit;
        this.configFile = configFile;
    }

    static ConfigLayers read(Map<String, String> env, Properties systemProperties, Path workingDirectory) {
        Map<ConfigKey, SourcedValue> fromEnv = environmentLayer(env);
        Map<ConfigKey, SourcedValue> fromSystem = systemPropertyLayer(systemProperties);
        ConfigFileChoice choice = chooseFile(fromEnv, fromSystem, workingDirectory);
        Map<ConfigKey, SourcedValue> fromFile = choice.loaded() ? fileLayer(choice) : Map.of();

        Map<ConfigKey, SourcedValue> merged = new EnumMap<>(ConfigKey.class);
        merged.putAll(fromFile);
        merged.putAll(fromSystem);
        merged.putAll(fromEnv);
        return new ConfigLayers(merged, choice);
    }

    /** The value set in the environment, a system property or the file, highest precedence first. */
    Optional<SourcedValue> explicit(ConfigKey key) {
        return Optional.ofNullable(explicit.get(key));
    }

    /** The explicit value, else the catalogue default; only for keys that have one. */
    SourcedValue valueOrDefault(ConfigKey key) {
        return explicit(key).orElseGet(() -> new SourcedValue(
                key.defaultValue().orElseThrow(() -> new IllegalStateException(key.key() + " has no default")),
                ValueSource.defaults()));
    }

    ConfigFileChoice configFile() {
        return configFile;
    }

    private static Map<ConfigKey, SourcedValue> environmentLayer(Map<String, String> env) {
        Map<String, String> relevant = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(ConfigKey.ENV_PREFIX) && !name.startsWith(BUILD_ONLY_ENV_PREFIX)) {
                relevant.put(name, value);
            }
        });
        return layer(relevant, ConfigKey::byEnvName, ValueSource::environment, ConfigKey.allEnvNames());
    }

    private static Map<ConfigKey, SourcedValue> systemPropertyLayer(Properties properties) {
        Map<String, String> relevant = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(ConfigKey.PROPERTY_PREFIX) && !name.startsWith(BUILD_ONLY_PREFIX)) {
                relevant.put(name, properties.getProperty(name));
            }
        }
        return layer(relevant, ConfigKey::byKey, ValueSource::systemProperty, ConfigKey.allKeys());
    }

    private static Map<ConfigKey, SourcedValue> fileLayer(ConfigFileChoice choice) {
        Path file = choice.path();
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(ConfigKey.CONFIG_FILE.key() + " = '" + file + "' "
                    + choice.source().parenthesized() + ": expected a readable UTF-8 properties file; reading it"
                    + " failed: " + Objects.toString(e.getMessage(), e.getClass().getSimpleName()));
        }
        ValueSource source = ValueSource.file(file);
        // The whole file belongs to the harness, so even a key without the ovha. prefix is a mistake.
        Map<String, String> relevant = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (!name.startsWith(BUILD_ONLY_PREFIX)) {
                relevant.put(name, properties.getProperty(name));
            }
        }
        if (relevant.containsKey(ConfigKey.CONFIG_FILE.key())) {
            throw new ConfigException(ConfigKey.CONFIG_FILE.key() + " " + source.parenthesized()
                    + ": cannot be set inside the properties file it names; set "
                    + ConfigKey.CONFIG_FILE.envName() + " or -D" + ConfigKey.CONFIG_FILE.key() + " instead");
        }
        return layer(relevant, ConfigKey::byKey, name -> source, ConfigKey.allKeys());
    }

    /**
     * Maps names to keys, failing on unknown names (all of them, on one line, so one run shows every typo).
     * Blank values count as unset: CI systems and shells readily export empty variables.
     */
    private static Map<ConfigKey, SourcedValue> layer(Map<String, String> byName,
                                                      Function<String, Optional<ConfigKey>> lookup,
                                                      Function<String, ValueSource> sourceOf,
                                                      List<String> knownNames) {
        Map<ConfigKey, SourcedValue> values = new EnumMap<>(ConfigKey.class);
        List<String> unknown = new ArrayList<>();
        byName.forEach((name, value) -> {
            Optional<ConfigKey> key = lookup.apply(name);
            if (key.isEmpty()) {
                unknown.add("unknown configuration key '" + name + "' " + sourceOf.apply(name).parenthesized()
                        + ": did you mean '" + ClosestKey.to(name, knownNames) + "'?");
            } else if (value != null && !value.isBlank()) {
                values.put(key.get(), new SourcedValue(value.strip(), sourceOf.apply(name)));
            }
        });
        if (!unknown.isEmpty()) {
            throw new ConfigException(String.join("; ", unknown));
        }
        return values;
    }

    private static ConfigFileChoice chooseFile(Map<ConfigKey, SourcedValue> fromEnv,
                                               Map<ConfigKey, SourcedValue> fromSystem,
                                               Path workingDirectory) {
        SourcedValue named = fromEnv.getOrDefault(ConfigKey.CONFIG_FILE, fromSystem.get(ConfigKey.CONFIG_FILE));
        if (named == null) {
            Path fallback = workingDirectory.resolve(ConfigKey.CONFIG_FILE.defaultValue().orElseThrow())
                    .toAbsolutePath().normalize();
            return new ConfigFileChoice(fallback, ValueSource.defaults(), Files.isRegularFile(fallback));
        }
        Path path;
        try {
            path = workingDirectory.resolve(named.value()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw ConfigException.invalid(ConfigKey.CONFIG_FILE, named, "a file path (" + e.getReason() + ")");
        }
        // Set on purpose but absent is a mistake (a wrong CI path), not a reason to fall back to defaults.
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw ConfigException.invalid(ConfigKey.CONFIG_FILE, named,
                    "an existing, readable properties file, but " + path + " is not one");
        }
        return new ConfigFileChoice(path, named.source(), true);
    }
}
