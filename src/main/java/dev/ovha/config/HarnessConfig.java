package dev.ovha.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The harness configuration, resolved once at start and immutable afterwards.
 *
 * <p>Precedence, highest first: environment ({@code OVHA_TARGET}), Java system properties
 * ({@code -Dovha.target}), the properties file ({@code ./ovha.properties} or {@code ovha.config.file}),
 * then the defaults of {@link ConfigKey}. This package is the only code that reads the process environment
 * or system properties, so a run's behaviour is fully described by {@link #describe()}.
 */
public final class HarnessConfig {
    private final Target target;
    private final String stack;
    private final String region;
    private final Optional<URI> awsEndpoint;
    private final Optional<String> awsProfile;
    private final OpenViduSettings openvidu;
    private final Optional<Path> tlsCa;
    private final Timeouts timeouts;
    private final TwinSettings twin;
    private final CiRun ci;
    private final Map<ConfigKey, SettingLine> lines;

    HarnessConfig(Target target, String stack, String region, Optional<URI> awsEndpoint,
                  Optional<String> awsProfile, OpenViduSettings openvidu, Optional<Path> tlsCa, Timeouts timeouts,
                  TwinSettings twin, CiRun ci, Map<ConfigKey, SettingLine> lines) {
        this.target = Objects.requireNonNull(target);
        this.stack = Objects.requireNonNull(stack);
        this.region = Objects.requireNonNull(region);
        this.awsEndpoint = Objects.requireNonNull(awsEndpoint);
        this.awsProfile = Objects.requireNonNull(awsProfile);
        this.openvidu = Objects.requireNonNull(openvidu);
        this.tlsCa = Objects.requireNonNull(tlsCa);
        this.timeouts = Objects.requireNonNull(timeouts);
        this.twin = Objects.requireNonNull(twin);
        this.ci = Objects.requireNonNull(ci);
        this.lines = new EnumMap<>(lines);
    }

    /**
     * Resolves from explicit inputs, so tests never depend on the machine they run on.
     *
     * @param env              environment variables; only {@code OVHA_*} ones are looked at
     * @param systemProperties system properties; only {@code ovha.*} ones are looked at
     * @param workingDirectory where {@code ovha.properties} and relative paths are looked up
     * @throws ConfigException with a one-line message on the first invalid or unknown setting
     */
    public static HarnessConfig resolve(Map<String, String> env, Properties systemProperties,
                                        Path workingDirectory) {
        return ConfigResolver.resolve(env, systemProperties, workingDirectory);
    }

    /** Resolves from this process: {@code System.getenv()}, {@code System.getProperties()} and the cwd. */
    public static HarnessConfig fromEnvironment() {
        // A copy, so that another thread setting a property mid-resolution cannot produce a torn view.
        Properties systemProperties = new Properties();
        systemProperties.putAll(System.getProperties());
        return resolve(System.getenv(), systemProperties, Path.of("").toAbsolutePath());
    }

    public Target target() {
        return target;
    }

    /** The CloudFormation stack name. */
    public String stack() {
        return stack;
    }

    public String region() {
        return region;
    }

    /** One endpoint for every AWS service, for emulators; empty means the SDK's regional endpoints. */
    public Optional<URI> awsEndpoint() {
        return awsEndpoint;
    }

    public Optional<String> awsProfile() {
        return awsProfile;
    }

    /** Empty means: use {@code https://<DomainName>} from the stack outputs. */
    public Optional<URI> openviduUrl() {
        return openvidu.url();
    }

    public Optional<Secret> openviduSecret() {
        return openvidu.secret();
    }

    /** Everything about reaching OpenVidu: URLs, secret, retry bound. */
    public OpenViduSettings openvidu() {
        return openvidu;
    }

    /** How long waits may last and how often they look. */
    public Timeouts timeouts() {
        return timeouts;
    }

    /** The CI build this run belongs to (a local run outside CI). */
    public CiRun ci() {
        return ci;
    }

    /** An extra PEM file of CA certificates to trust, as an absolute path. */
    public Optional<Path> tlsCa() {
        return tlsCa;
    }

    /** Twin shape and pacing; always valid, only meaningful when {@link #target()} is the twin. */
    public TwinSettings twin() {
        return twin;
    }

    /**
     * The text of a key that another package parses and validates ({@code ovha.chaos.*}, {@code ovha.probe.*},
     * {@code ovha.allow}): the explicit value, else the default; empty when neither exists. Secrets are never
     * handed out as text.
     */
    public Optional<String> text(ConfigKey key) {
        if (key.isSecret()) {
            throw new IllegalArgumentException(key.key() + " is a secret; it is not available as text");
        }
        return lines.get(key).shown();
    }

    /**
     * The one-line error for a {@link #text} value its parser rejects, in the same words as every other
     * configuration error: {@code ovha.chaos.dryRun = 'yes' (from -Dovha.chaos.dryRun): expected true or false}.
     */
    public ConfigException invalid(ConfigKey key, String expectation) {
        SettingLine line = lines.get(key);
        return ConfigException.invalid(key, new SourcedValue(line.shown().orElse(""),
                line.source().orElseGet(ValueSource::defaults)), expectation);
    }

    /** Where the value of {@code key} came from; empty when an optional key is not set. */
    public Optional<ValueSource> sourceOf(ConfigKey key) {
        return lines.get(key).source();
    }

    /**
     * The resolved configuration, one {@code key = value (source)} line per setting, secrets masked, for
     * printing once at start. Twin settings are left out when driving AWS, where they mean nothing.
     */
    public String describe() {
        return Arrays.stream(ConfigKey.values())
                .filter(key -> target == Target.TWIN || !key.isTwinOnly())
                .map(key -> lines.get(key).line())
                .collect(Collectors.joining(System.lineSeparator()));
    }

    @Override
    public String toString() {
        return Arrays.stream(ConfigKey.values())
                .map(key -> lines.get(key).compact())
                .collect(Collectors.joining(", ", "HarnessConfig[", "]"));
    }
}
