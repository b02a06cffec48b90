package dev.ovha.chaos;

import dev.ovha.config.ConfigKey;
import dev.ovha.config.HarnessConfig;
import dev.ovha.config.ValueSource;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The chaos guard rails' configuration ({@code ovha.allow}, {@code ovha.chaos.*}), parsed and validated
 * once. A bad value is a one-line {@link dev.ovha.config.ConfigException}, raised before anything changes.
 *
 * @param allow              stack allowed for {@code @mutating} scenarios on AWS
 * @param chaosAllow         stack allowed for {@code @disruptive} scenarios on AWS
 * @param allowProduction    stack that may be changed although it carries a production tag
 * @param dryRun             plan and record, change nothing
 * @param productionTagKeys  tag keys that mark production, lower case
 * @param productionTagValues their values that mean production, lower case
 * @param minHealthyMasters  healthy masters required before a master fault
 * @param journal            the undo journal file, absolute
 * @param shutdownBudget     time the kill switch may take
 * @param undoTimeout        time one undo may wait for its effect
 */
public record ChaosSettings(Optional<OptIn> allow, Optional<OptIn> chaosAllow, Optional<OptIn> allowProduction,
                            boolean dryRun, Set<String> productionTagKeys, Set<String> productionTagValues,
                            int minHealthyMasters, Path journal, Duration shutdownBudget, Duration undoTimeout) {
    /** CloudFormation's rule for stack names; a value that breaks it cannot name any stack. */
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,127}");

    public ChaosSettings {
        productionTagKeys = Set.copyOf(productionTagKeys);
        productionTagValues = Set.copyOf(productionTagValues);
        if (minHealthyMasters < 2) {
            throw new IllegalArgumentException("minHealthyMasters must be at least 2: " + minHealthyMasters);
        }
        journal = journal.toAbsolutePath();
    }

    /** Reads the keys from the configuration; relative paths are taken from {@code workingDirectory}. */
    public static ChaosSettings from(HarnessConfig config, Path workingDirectory) {
        return new ChaosSettings(
                optIn(config, ConfigKey.ALLOW),
                optIn(config, ConfigKey.CHAOS_ALLOW),
                optIn(config, ConfigKey.CHAOS_ALLOW_PRODUCTION),
                bool(config, ConfigKey.CHAOS_DRY_RUN),
                words(config, ConfigKey.CHAOS_PRODUCTION_TAG_KEYS),
                words(config, ConfigKey.CHAOS_PRODUCTION_TAG_VALUES),
                integer(config, ConfigKey.CHAOS_MIN_HEALTHY_MASTERS, 2, 100),
                path(config, ConfigKey.CHAOS_JOURNAL, workingDirectory),
                Duration.ofSeconds(integer(config, ConfigKey.CHAOS_SHUTDOWN_BUDGET, 1, 3600)),
                Duration.ofSeconds(integer(config, ConfigKey.CHAOS_UNDO_TIMEOUT, 1, 3600)));
    }

    private static Optional<OptIn> optIn(HarnessConfig config, ConfigKey key) {
        Optional<String> value = config.text(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!STACK_NAME.matcher(value.get()).matches()) {
            throw config.invalid(key, "the name of the stack to allow, such as ovha-twin (a CloudFormation"
                    + " stack name: a letter, then letters, digits or '-')");
        }
        String source = config.sourceOf(key).map(ValueSource::parenthesized).orElse("");
        return Optional.of(new OptIn(value.get(), source));
    }

    private static boolean bool(HarnessConfig config, ConfigKey key) {
        String value = config.text(key).orElseThrow().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw config.invalid(key, "true or false");
        };
    }

    private static Set<String> words(HarnessConfig config, ConfigKey key) {
        Set<String> words = Arrays.stream(config.text(key).orElseThrow().split(","))
                .map(String::strip).map(w -> w.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (words.isEmpty() || words.stream().anyMatch(w -> w.isEmpty() || w.chars().anyMatch(Character::isWhitespace))) {
            throw config.invalid(key, "a comma-separated list of words, such as prod,production");
        }
        return words;
    }

    private static int integer(HarnessConfig config, ConfigKey key, int min, int max) {
        String expectation = "a whole number from " + min + " to " + max;
        try {
            int value = Integer.parseInt(config.text(key).orElseThrow());
            if (value < min || value > max) {
                throw config.invalid(key, expectation);
            }
            return value;
        } catch (NumberFormatException e) {
            throw config.invalid(key, expectation);
        }
    }

    private static Path path(HarnessConfig config, ConfigKey key, Path workingDirectory) {
        try {
            return workingDirectory.resolve(config.text(key).orElseThrow()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw config.invalid(key, "a file path (" + e.getReason() + ")");
        }
    }
}
