package dev.ovha.config;

import java.util.Optional;

/**
 * How one resolved setting is shown to humans: the value as text (a mask for secrets, empty when unset)
 * and where it came from.
 */
record SettingLine(ConfigKey key, Optional<String> shown, Optional<ValueSource> source) {
    private static final String MASK = "****";

    static SettingLine of(ConfigKey key, String shown, ValueSource source) {
        return new SettingLine(key, Optional.of(key.isSecret() ? MASK : shown), Optional.of(source));
    }

    static SettingLine notSet(ConfigKey key) {
        return new SettingLine(key, Optional.empty(), Optional.empty());
    }

    /** {@code ovha.target = twin (default)}, {@code ovha.aws.profile = (not set)}. */
    String line() {
        return key.key() + " = " + shown.orElse("(not set)") + source.map(s -> " " + s.parenthesized()).orElse("");
    }

    /** {@code ovha.target=twin}, for the one-line toString(). */
    String compact() {
        return key.key() + "=" + shown.orElse("-");
    }
}
