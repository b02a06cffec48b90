package dev.ovha.probe;

import dev.ovha.config.ConfigKey;
import dev.ovha.config.HarnessConfig;
import java.time.Duration;

/**
 * How the availability prober asks: how often, what, and how long it waits for one answer.
 *
 * @param rate    requests per second, 0.1 to 1000 (enough to fill every 100 ms bucket at 10 and above)
 * @param path    the API path requested with GET, e.g. {@code /openvidu/api/config}
 * @param timeout how long one request may take before it counts as failed
 */
public record ProbeSettings(double rate, String path, Duration timeout) {
    static final double MIN_RATE = 0.1;
    static final double MAX_RATE = 1000;

    public ProbeSettings {
        if (!(rate >= MIN_RATE && rate <= MAX_RATE)) {
            throw new IllegalArgumentException("rate must be between " + MIN_RATE + " and " + MAX_RATE + ": " + rate);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** Reads {@code ovha.probe.*}; a bad value is a one-line {@link dev.ovha.config.ConfigException}. */
    public static ProbeSettings from(HarnessConfig config) {
        double rate = number(config, ConfigKey.PROBE_RATE);
        if (!(rate >= MIN_RATE && rate <= MAX_RATE)) {
            throw config.invalid(ConfigKey.PROBE_RATE, "requests per second between 0.1 and 1000");
        }
        String path = config.text(ConfigKey.PROBE_PATH).orElseThrow();
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ')) {
            throw config.invalid(ConfigKey.PROBE_PATH, "an API path starting with '/', such as /openvidu/api/config");
        }
        double millis = number(config, ConfigKey.PROBE_TIMEOUT);
        if (!(millis >= 1 && millis <= 600_000)) {
            throw config.invalid(ConfigKey.PROBE_TIMEOUT, "milliseconds between 1 and 600000");
        }
        return new ProbeSettings(rate, path, Duration.ofMillis((long) millis));
    }

    /** The time between two requests. */
    public Duration interval() {
        return Duration.ofNanos((long) (1_000_000_000L / rate));
    }

    private static double number(HarnessConfig config, ConfigKey key) {
        String text = config.text(key).orElseThrow();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw config.invalid(key, "a number");
        }
    }
}
