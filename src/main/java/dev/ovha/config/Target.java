package dev.ovha.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the harness drives. */
public enum Target {
    /** The embedded emulator of the AWS stack. */
    TWIN,
    /** A real OpenVidu Enterprise HA deployment on AWS. */
    AWS;

    /** The spelling used in configuration values: {@code twin}, {@code aws}. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive, because {@code AWS} in a CI variable is an obvious intent, not a typo. */
    static Optional<Target> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.configValue().equalsIgnoreCase(value)).findFirst();
    }

    static String choices() {
        return Arrays.stream(values()).map(Target::configValue).collect(Collectors.joining(", "));
    }
}
