package dev.ovha.chaos;

import dev.ovha.config.ConfigKey;
import dev.ovha.config.HarnessConfig;
import dev.ovha.config.Target;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What the {@code @disruptive} scenarios promise in numbers, from the configuration: how long the stack may
 * take to be whole again after a fault, how long users may see errors at a stretch, which share of requests
 * must succeed meanwhile, and how long a zone outage lasts. The twin compresses AWS's minutes into seconds
 * (60 to 1), so its defaults are short; a live stack gets AWS-sized ones.
 *
 * @param recovery        fault → replacement healthy → API fully served
 * @param errorWindow     the longest window of failed requests allowed
 * @param minSuccessRatio share of requests that must succeed from the fault until recovery
 * @param outage          how long a zone outage lasts
 */
public record ChaosBudgets(Duration recovery, Duration errorWindow, double minSuccessRatio, Duration outage) {
    static final int TWIN_RECOVERY_SECONDS = 10;
    static final int AWS_RECOVERY_SECONDS = 900;
    static final int TWIN_ERROR_WINDOW_SECONDS = 3;
    static final int AWS_ERROR_WINDOW_SECONDS = 120;

    public ChaosBudgets {
        if (!(minSuccessRatio >= 0 && minSuccessRatio <= 1)) {
            throw new IllegalArgumentException("minSuccessRatio must lie between 0 and 1: " + minSuccessRatio);
        }
    }

    /** Reads the keys; a bad value is a one-line {@link dev.ovha.config.ConfigException}. */
    public static ChaosBudgets from(HarnessConfig config) {
        boolean twin = config.target() == Target.TWIN;
        Duration recovery = seconds(config, ConfigKey.CHAOS_RECOVERY_BUDGET,
                twin ? TWIN_RECOVERY_SECONDS : AWS_RECOVERY_SECONDS, 1, 7200);
        Duration errorWindow = seconds(config, ConfigKey.CHAOS_ERROR_WINDOW_BUDGET,
                twin ? TWIN_ERROR_WINDOW_SECONDS : AWS_ERROR_WINDOW_SECONDS, 0, 3600);
        double ratio = ratio(config, ConfigKey.CHAOS_MIN_SUCCESS_RATIO);
        Duration outage = seconds(config, ConfigKey.CHAOS_OUTAGE_DURATION, 60, 60, 3600);
        return new ChaosBudgets(recovery, errorWindow, ratio, outage);
    }

    /** {@code recovery 6 s, error window 3 s, success ≥ 70 %}, for reports. */
    public String describe() {
        return String.format(Locale.ROOT, "recovery %d s, longest error window %d s, success >= %.0f %%",
                recovery.toSeconds(), errorWindow.toSeconds(), 100 * minSuccessRatio);
    }

    private static Duration seconds(HarnessConfig config, ConfigKey key, int fallback, int min, int max) {
        Optional<String> text = config.text(key);
        if (text.isEmpty()) {
            return Duration.ofSeconds(fallback);
        }
        try {
            int value = Integer.parseInt(text.get().strip());
            if (value < min || value > max) {
                throw config.invalid(key, "a whole number of seconds from " + min + " to " + max);
            }
            return Duration.ofSeconds(value);
        } catch (NumberFormatException e) {
            throw config.invalid(key, "a whole number of seconds from " + min + " to " + max);
        }
    }

    private static double ratio(HarnessConfig config, ConfigKey key) {
        try {
            double value = Double.parseDouble(config.text(key).orElseThrow().strip());
            if (!(value >= 0 && value <= 1)) {
                throw config.invalid(key, "a share between 0 and 1, such as 0.7");
            }
            return value;
        } catch (NumberFormatException e) {
            throw config.invalid(key, "a share between 0 and 1, such as 0.7");
        }
    }
}
