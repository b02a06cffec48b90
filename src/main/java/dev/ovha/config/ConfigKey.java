package dev.ovha.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The catalogue of every configuration key the harness understands.
 *
 * <p>The key names are a public interface (people put them in CI files and shell profiles), so they are
 * defined here once: resolution, unknown-key detection, {@link HarnessConfig#describe()} and the README
 * table ({@link ConfigTable}) all read this list instead of repeating it.
 */
public enum ConfigKey {
    CONFIG_FILE("ovha.config.file", "ovha.properties", false,
            "Properties file read after environment and system properties; relative to the working directory."
                    + " A missing file is an error only when this key is set explicitly."),
    TARGET("ovha.target", "twin", false,
            "What the harness drives: twin (the embedded emulator) or aws (a real deployment)."),
    STACK("ovha.stack", null, false,
            "CloudFormation stack name. Defaults to ovha-twin for the twin; required when ovha.target = aws."),
    REGION("ovha.region", "us-east-1", false, "AWS region of the stack."),
    AWS_ENDPOINT("ovha.aws.endpoint", null, false,
            "One endpoint URL for every AWS service (LocalStack-like emulators). Unset: the SDK's regional endpoints."),
    AWS_PROFILE("ovha.aws.profile", null, false,
            "AWS named profile for credentials. Unset: the SDK's default credential chain."),
    OPENVIDU_URL("ovha.openvidu.url", null, false,
            "OpenVidu base URL. Unset: https://<DomainName> discovered from the stack."),
    OPENVIDU_HTTP_URL("ovha.openvidu.httpUrl", null, false,
            "Plain-HTTP URL of the load balancer, for the redirect check."
                    + " Unset: http://<host of the OpenVidu URL>."),
    OPENVIDU_SECRET("ovha.openvidu.secret", null, true,
            "OpenVidu secret (letters, digits, '_' or '-'). Never printed."),
    OPENVIDU_ATTEMPTS("ovha.openvidu.attempts", "5", false,
            "Tries per OpenVidu REST call (the first included) when it answers 500-504, or 404 while creating a"
                    + " session: what the vendor tells applications to retry. Nothing else is retried. At least 1."),
    TLS_CA("ovha.tls.ca", null, false, "Extra PEM file of CA certificates to trust."),
    TIMEOUT_DEFAULT("ovha.timeout.default", null, false,
            "Seconds a wait may last before it fails, showing what it saw last."
                    + " Unset: " + Timeouts.TWIN_TIMEOUT_SECONDS + " for the twin, "
                    + Timeouts.AWS_TIMEOUT_SECONDS + " for aws."),
    POLL_INTERVAL("ovha.poll.interval", null, false,
            "Milliseconds between two looks while waiting. Unset: " + Timeouts.TWIN_POLL_MILLIS
                    + " for the twin, " + Timeouts.AWS_POLL_MILLIS + " for aws."),
    TWIN_MASTERS("ovha.twin.masters", "2", false, "Twin only: number of master nodes (at least 1)."),
    TWIN_MEDIA("ovha.twin.media", "2", false, "Twin only: number of media nodes (at least 0)."),
    TWIN_TIME_SCALE("ovha.twin.timeScale", "60", false,
            "Twin only: virtual seconds per real second (greater than 0)."),
    TWIN_SEED("ovha.twin.seed", "42", false, "Twin only: seed for every random choice the twin makes."),
    // Chaos and probe keys: resolved here as text, parsed and validated by dev.ovha.chaos.ChaosSettings and
    // dev.ovha.probe.ProbeSettings, which own their meaning.
    ALLOW("ovha.allow", null, false,
            "Stack name allowed for @mutating scenarios (reversible changes) on aws. Implied for the twin."),
    CHAOS_ALLOW("ovha.chaos.allow", null, false,
            "Stack name allowed for @disruptive scenarios (faults) on aws. Implied for the twin."),
    CHAOS_ALLOW_PRODUCTION("ovha.chaos.allowProduction", null, false,
            "Stack name that may be changed although it carries a production tag."),
    CHAOS_DRY_RUN("ovha.chaos.dryRun", "false", false,
            "true: plan and record every change in the undo journal, make none (FIS experiments run with"
                    + " actionsMode skip-all)."),
    CHAOS_PRODUCTION_TAG_KEYS("ovha.chaos.productionTagKeys", "environment,env,stage", false,
            "Comma-separated stack tag keys that mark production (case-insensitive)."),
    CHAOS_PRODUCTION_TAG_VALUES("ovha.chaos.productionTagValues", "prod,production", false,
            "Comma-separated values of those tags that mean production (case-insensitive)."),
    CHAOS_MIN_HEALTHY_MASTERS("ovha.chaos.minHealthyMasters", "2", false,
            "A master fault starts only while at least this many masters are healthy (at least 2)."),
    CHAOS_JOURNAL("ovha.chaos.journal", "reports/undo-journal.jsonl", false,
            "The undo journal: every change is written here before it is made; relative to the working directory."),
    CHAOS_SHUTDOWN_BUDGET("ovha.chaos.shutdownBudget", "60", false,
            "Seconds the kill switch (Ctrl-C, SIGTERM) may spend stopping experiments and playing rollbacks."),
    CHAOS_UNDO_TIMEOUT("ovha.chaos.undoTimeout", "120", false,
            "Seconds one undo may wait for its effect, e.g. an FIS experiment reaching a terminal state."),
    PROBE_RATE("ovha.probe.rate", "20", false,
            "Availability prober: requests per second (0.1 to 1000)."),
    PROBE_PATH("ovha.probe.path", "/openvidu/api/config", false,
            "Availability prober: the OpenVidu API path it requests with GET."),
    PROBE_TIMEOUT("ovha.probe.timeout", "2000", false,
            "Availability prober: milliseconds before one request counts as failed (timeout)."),
    // Keys of the @disruptive scenarios: parsed and validated by dev.ovha.chaos.ChaosBudgets and FisRole.
    FIS_ROLE_ARN("ovha.fis.roleArn", null, false,
            "IAM role FIS assumes to run ovha's experiments (arn:aws:iam::<account>:role/<name>), or none: then a"
                    + " master is terminated with EC2 TerminateInstances directly and the scenarios that need FIS are"
                    + " skipped. Unset: arn:aws:iam::<account>:role/ovha-twin-fis for the twin, none for aws."),
    CHAOS_RECOVERY_BUDGET("ovha.chaos.recoveryBudget", null, false,
            "Seconds from a fault until the stack is whole again (replacement healthy, API fully served) before"
                    + " the scenario fails. Unset: 10 for the twin, 900 for aws."),
    CHAOS_ERROR_WINDOW_BUDGET("ovha.chaos.errorWindowBudget", null, false,
            "Seconds the longest window of failed API requests may last during a fault."
                    + " Unset: 3 for the twin, 120 for aws."),
    CHAOS_MIN_SUCCESS_RATIO("ovha.chaos.minSuccessRatio", "0.7", false,
            "Share of the availability prober's requests that must succeed from a fault until recovery (0 to 1)."),
    CHAOS_OUTAGE_DURATION("ovha.chaos.outageDuration", "60", false,
            "Seconds an availability-zone outage (FIS aws:network:disrupt-connectivity) lasts (60 to 3600).");

    /** Every key lives under this prefix, both as a property ({@code ovha.}) and as an env var ({@code OVHA_}). */
    static final String PROPERTY_PREFIX = "ovha.";
    static final String ENV_PREFIX = "OVHA_";

    private final String key;
    private final String envName;
    private final String defaultValue;
    private final boolean secret;
    private final String description;

    ConfigKey(String key, String defaultValue, boolean secret, String description) {
        this.key = key;
        this.envName = envNameOf(key);
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.description = description;
    }

    /** The property name, e.g. {@code ovha.twin.timeScale}. */
    public String key() {
        return key;
    }

    /** The environment variable name, e.g. {@code OVHA_TWIN_TIME_SCALE}. */
    public String envName() {
        return envName;
    }

    /** The built-in default, if the key has a fixed one. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** Secret values are never printed: not in describe(), toString() nor exception messages. */
    public boolean isSecret() {
        return secret;
    }

    public String description() {
        return description;
    }

    /** Twin keys are meaningless against a real deployment, so describe() leaves them out there. */
    public boolean isTwinOnly() {
        return key.startsWith(PROPERTY_PREFIX + "twin.");
    }

    public static Optional<ConfigKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    public static Optional<ConfigKey> byEnvName(String envName) {
        return Arrays.stream(values()).filter(k -> k.envName.equals(envName)).findFirst();
    }

    static List<String> allKeys() {
        return Arrays.stream(values()).map(ConfigKey::key).collect(Collectors.toList());
    }

    static List<String> allEnvNames() {
        return Arrays.stream(values()).map(ConfigKey::envName).collect(Collectors.toList());
    }

    /**
     * {@code ovha.twin.timeScale} becomes {@code OVHA_TWIN_TIME_SCALE}: the prefix stays, dots become
     * underscores, and a camelCase hump gets its own underscore so the words stay readable in upper case.
     */
    static String envNameOf(String key) {
        if (!key.startsWith(PROPERTY_PREFIX)) {
            throw new IllegalArgumentException("configuration keys start with " + PROPERTY_PREFIX + ": " + key);
        }
        String rest = key.substring(PROPERTY_PREFIX.length());
        StringBuilder env = new StringBuilder(ENV_PREFIX);
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '.') {
                env.append('_');
            } else if (Character.isUpperCase(c) && i > 0 && Character.isLetterOrDigit(rest.charAt(i - 1))
                    && !Character.isUpperCase(rest.charAt(i - 1))) {
                env.append('_').append(c);
            } else {
                env.append(Character.toUpperCase(c));
            }
        }
        return env.toString();
    }
}
