package dev.ovha.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns raw strings into typed values, failing with a {@link ConfigException} that says what was expected. */
final class ValueParsers {
    /** CloudFormation's rule for stack names. */
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");
    private static final int STACK_NAME_MAX = 128;
    /** eu-west-1, us-gov-west-1, ap-southeast-2: lowercase words joined by '-', ending in a number. */
    private static final Pattern REGION = Pattern.compile("[a-z]+(-[a-z]+)+-[0-9]+");
    /** OpenVidu's own rule for its secret; anything else is rejected by OpenVidu at startup. */
    private static final Pattern OPENVIDU_SECRET = Pattern.compile("[a-zA-Z0-9_-]+");

    private ValueParsers() {
    }

    static Target target(SourcedValue raw) {
        return Target.parse(raw.value()).orElseThrow(
                () -> ConfigException.invalid(ConfigKey.TARGET, raw, "one of " + Target.choices()));
    }

    static String stackName(SourcedValue raw) {
        String value = raw.value();
        if (value.length() > STACK_NAME_MAX || !STACK_NAME.matcher(value).matches()) {
            throw ConfigException.invalid(ConfigKey.STACK, raw, "a CloudFormation stack name: a letter, then"
                    + " letters, digits or '-', at most " + STACK_NAME_MAX + " characters");
        }
        return value;
    }

    static String region(SourcedValue raw) {
        if (!REGION.matcher(raw.value()).matches()) {
            throw ConfigException.invalid(ConfigKey.REGION, raw,
                    "an AWS region name such as us-east-1, eu-west-1 or us-gov-west-1");
        }
        return raw.value();
    }

    /** An absolute http(s) URL with a host and without user info (credentials do not belong in a URL). */
    static URI httpUrl(ConfigKey key, SourcedValue raw) {
        String expectation = "an absolute http:// or https:// URL with a host, such as https://example.com";
        URI uri;
        try {
            uri = new URI(raw.value());
        } catch (URISyntaxException e) {
            throw ConfigException.invalid(key, redacted(raw), expectation);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw ConfigException.invalid(key, redacted(raw), expectation);
        }
        if (uri.getRawUserInfo() != null) {
            throw ConfigException.invalid(key, redacted(raw), expectation + " and no user:password@ part");
        }
        return uri;
    }

    static Secret openviduSecret(SourcedValue raw) {
        if (!OPENVIDU_SECRET.matcher(raw.value()).matches()) {
            throw ConfigException.hidden(ConfigKey.OPENVIDU_SECRET, raw.source(),
                    "contains characters OpenVidu does not accept", "letters, digits, '_' or '-'");
        }
        return Secret.of(raw.value());
    }

    /** An existing, readable regular file; relative paths are taken from the working directory. */
    static Path readableFile(ConfigKey key, SourcedValue raw, Path workingDirectory) {
        Path path;
        try {
            path = workingDirectory.resolve(raw.value()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw ConfigException.invalid(key, raw, "a file path (" + e.getReason() + ")");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw ConfigException.invalid(key, raw, "an existing, readable file, but " + path + " is not one");
        }
        return path;
    }

    static int intAtLeast(ConfigKey key, SourcedValue raw, int minimum) {
        String expectation = "a whole number of at least " + minimum;
        try {
            int value = Integer.parseInt(raw.value());
            if (value < minimum) {
                throw ConfigException.invalid(key, raw, expectation);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ConfigException.invalid(key, raw, expectation);
        }
    }

    static double positiveNumber(ConfigKey key, SourcedValue raw) {
        String expectation = "a number greater than 0, such as 60 or 0.5";
        try {
            double value = Double.parseDouble(raw.value());
            // !(value > 0) also rejects NaN; Infinity would make every virtual duration zero real time.
            if (!(value > 0) || Double.isInfinite(value)) {
                throw ConfigException.invalid(key, raw, expectation);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ConfigException.invalid(key, raw, expectation);
        }
    }

    static long anyLong(ConfigKey key, SourcedValue raw) {
        try {
            return Long.parseLong(raw.value());
        } catch (NumberFormatException e) {
            throw ConfigException.invalid(key, raw, "a whole number (64-bit)");
        }
    }

    /** The user:password@ part of a URL is a credential: keep it out of messages. */
    private static SourcedValue redacted(SourcedValue raw) {
        return new SourcedValue(raw.value().replaceFirst("//[^/@]*@", "//****@"), raw.source());
    }
}
