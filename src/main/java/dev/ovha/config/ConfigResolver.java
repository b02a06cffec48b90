package dev.ovha.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/** Reads the layers once, validates every value and assembles the {@link HarnessConfig}. */
final class ConfigResolver {
    private static final String TWIN_STACK = "ovha-twin";

    private final ConfigLayers layers;
    private final Path workingDirectory;
    private final Map<String, String> env;
    private final Map<ConfigKey, SettingLine> lines = new EnumMap<>(ConfigKey.class);

    private ConfigResolver(ConfigLayers layers, Path workingDirectory, Map<String, String> env) {
        this.layers = layers;
        this.workingDirectory = workingDirectory;
        this.env = env;
    }

    static HarnessConfig resolve(Map<String, String> env, Properties systemProperties, Path workingDirectory) {
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        return new ConfigResolver(ConfigLayers.read(env, systemProperties, cwd), cwd, Map.copyOf(env)).resolve();
    }

    private HarnessConfig resolve() {
        recordConfigFile();
        SourcedValue targetRaw = layers.valueOrDefault(ConfigKey.TARGET);
        Target target = ValueParsers.target(targetRaw);
        lines.put(ConfigKey.TARGET, SettingLine.of(ConfigKey.TARGET, target.configValue(), targetRaw.source()));

        String stack = stack(target, targetRaw);
        String region = required(ConfigKey.REGION, ValueParsers::region, Function.identity());
        Optional<URI> awsEndpoint = optional(ConfigKey.AWS_ENDPOINT,
                raw -> ValueParsers.httpUrl(ConfigKey.AWS_ENDPOINT, raw), Object::toString);
        Optional<String> awsProfile = optional(ConfigKey.AWS_PROFILE, SourcedValue::value, Function.identity());
        Optional<URI> openviduUrl = optional(ConfigKey.OPENVIDU_URL,
                raw -> ValueParsers.httpUrl(ConfigKey.OPENVIDU_URL, raw), Object::toString);
        Optional<URI> openviduHttpUrl = optional(ConfigKey.OPENVIDU_HTTP_URL,
                raw -> ValueParsers.httpUrl(ConfigKey.OPENVIDU_HTTP_URL, raw), Object::toString);
        Optional<Secret> openviduSecret = optional(ConfigKey.OPENVIDU_SECRET,
                ValueParsers::openviduSecret, Secret::toString);
        int openviduAttempts = required(ConfigKey.OPENVIDU_ATTEMPTS,
                raw -> ValueParsers.intAtLeast(ConfigKey.OPENVIDU_ATTEMPTS, raw, 1), String::valueOf);
        Optional<Path> tlsCa = optional(ConfigKey.TLS_CA,
                raw -> ValueParsers.readableFile(ConfigKey.TLS_CA, raw, workingDirectory), Path::toString);
        Timeouts defaults = Timeouts.defaultsFor(target);
        Timeouts timeouts = new Timeouts(
                orDefault(ConfigKey.TIMEOUT_DEFAULT,
                        raw -> Duration.ofSeconds(ValueParsers.intAtLeast(ConfigKey.TIMEOUT_DEFAULT, raw, 1)),
                        defaults.defaultTimeout(), d -> String.valueOf(d.toSeconds())),
                orDefault(ConfigKey.POLL_INTERVAL,
                        raw -> Duration.ofMillis(ValueParsers.intAtLeast(ConfigKey.POLL_INTERVAL, raw, 1)),
                        defaults.pollInterval(), d -> String.valueOf(d.toMillis())));
        TwinSettings twin = new TwinSettings(
                required(ConfigKey.TWIN_MASTERS, raw -> ValueParsers.intAtLeast(ConfigKey.TWIN_MASTERS, raw, 1),
                        String::valueOf),
                required(ConfigKey.TWIN_MEDIA, raw -> ValueParsers.intAtLeast(ConfigKey.TWIN_MEDIA, raw, 0),
                        String::valueOf),
                required(ConfigKey.TWIN_TIME_SCALE,
                        raw -> ValueParsers.positiveNumber(ConfigKey.TWIN_TIME_SCALE, raw), ConfigResolver::number),
                required(ConfigKey.TWIN_SEED, raw -> ValueParsers.anyLong(ConfigKey.TWIN_SEED, raw),
                        String::valueOf));
        recordUnparsed();

        return new HarnessConfig(target, stack, region, awsEndpoint, awsProfile,
                new OpenViduSettings(openviduUrl, openviduHttpUrl, openviduSecret, openviduAttempts),
                tlsCa, timeouts, twin, CiRun.from(env), lines);
    }

    /** A stack name is only guessable for the twin, which we name ourselves. */
    private String stack(Target target, SourcedValue targetRaw) {
        Optional<SourcedValue> raw = layers.explicit(ConfigKey.STACK);
        if (raw.isEmpty() && target == Target.AWS) {
            throw new ConfigException(ConfigKey.STACK.key() + " is required when " + ConfigKey.TARGET.key()
                    + " = aws " + targetRaw.source().parenthesized() + ": expected a CloudFormation stack name;"
                    + " set -D" + ConfigKey.STACK.key() + "=<name> or " + ConfigKey.STACK.envName());
        }
        SourcedValue value = raw.orElseGet(() -> new SourcedValue(TWIN_STACK, ValueSource.defaults()));
        String stack = ValueParsers.stackName(value);
        lines.put(ConfigKey.STACK, SettingLine.of(ConfigKey.STACK, stack, value.source()));
        return stack;
    }

    private <T> T required(ConfigKey key, Function<SourcedValue, T> parser, Function<T, String> show) {
        SourcedValue raw = layers.valueOrDefault(key);
        T value = parser.apply(raw);
        lines.put(key, SettingLine.of(key, show.apply(value), raw.source()));
        return value;
    }

    private <T> Optional<T> optional(ConfigKey key, Function<SourcedValue, T> parser, Function<T, String> show) {
        Optional<SourcedValue> raw = layers.explicit(key);
        if (raw.isEmpty()) {
            lines.put(key, SettingLine.notSet(key));
            return Optional.empty();
        }
        T value = parser.apply(raw.get());
        lines.put(key, SettingLine.of(key, show.apply(value), raw.get().source()));
        return Optional.of(value);
    }

    /** For keys whose default depends on the target, so the catalogue cannot hold it. */
    private <T> T orDefault(ConfigKey key, Function<SourcedValue, T> parser, T fallback, Function<T, String> show) {
        Optional<SourcedValue> raw = layers.explicit(key);
        T value = raw.map(parser).orElse(fallback);
        lines.put(key, SettingLine.of(key, show.apply(value),
                raw.map(SourcedValue::source).orElseGet(ValueSource::defaults)));
        return value;
    }

    /**
     * Keys whose meaning belongs to another package (chaos, probe) are kept as text here, explicit value or
     * default, so that describe() shows them and {@link HarnessConfig#text} hands them to their parser.
     */
    private void recordUnparsed() {
        for (ConfigKey key : ConfigKey.values()) {
            if (lines.containsKey(key)) {
                continue;
            }
            Optional<SourcedValue> raw = layers.explicit(key)
                    .or(() -> key.defaultValue().map(d -> new SourcedValue(d, ValueSource.defaults())));
            lines.put(key, raw.map(v -> SettingLine.of(key, v.value(), v.source()))
                    .orElseGet(() -> SettingLine.notSet(key)));
        }
    }

    private void recordConfigFile() {
        ConfigLayers.ConfigFileChoice file = layers.configFile();
        lines.put(ConfigKey.CONFIG_FILE, file.loaded()
                ? SettingLine.of(ConfigKey.CONFIG_FILE, file.path().toString(), file.source())
                : SettingLine.of(ConfigKey.CONFIG_FILE, "(none: " + file.path() + " not present)", file.source()));
    }

    /** 60 rather than 60.0: the way people write a time scale. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
