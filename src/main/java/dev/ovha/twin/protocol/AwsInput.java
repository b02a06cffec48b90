package dev.ovha.twin.protocol;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The members of an operation's input, read by their model names, independent of how the protocol
 * spelled lists and nested structures on the wire. Conversion errors are AWS-shaped 400s.
 */
public interface AwsInput {

    Optional<String> string(String name);

    /** A list of scalar members. An absent or explicitly empty list is an empty list. */
    List<String> strings(String name);

    /** A list of structures. */
    List<AwsInput> structs(String name);

    /** A nested structure, if any of its members is present. */
    Optional<AwsInput> struct(String name);

    default String required(String name) {
        return string(name).filter(s -> !s.isEmpty()).orElseThrow(() -> AwsError.validation(
                "1 validation error detected: Value null at '" + decapitalize(name)
                        + "' failed to satisfy constraint: Member must not be null"));
    }

    default Optional<Integer> integer(String name) {
        return string(name).map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw AwsError.badRequest(invalidValueCode(), "Invalid value '" + v + "' for " + name + ": expected an integer");
            }
        });
    }

    default Optional<Boolean> bool(String name) {
        return string(name).map(v -> {
            if (v.equalsIgnoreCase("true")) {
                return true;
            }
            if (v.equalsIgnoreCase("false")) {
                return false;
            }
            throw AwsError.badRequest(invalidValueCode(), "Invalid value '" + v + "' for " + name + ": expected true or false");
        });
    }

    /**
     * A timestamp member: ISO-8601 as the query protocols send it ({@code 2026-01-05T09:00:00Z}), or epoch
     * seconds with an optional fraction as the JSON protocols send it ({@code 1767603600.5}).
     */
    default Optional<Instant> instant(String name) {
        return string(name).map(v -> {
            String text = v.trim();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notIso) {
                try {
                    BigDecimal seconds = new BigDecimal(text);
                    return Instant.ofEpochSecond(seconds.longValue(),
                            seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
                } catch (NumberFormatException | ArithmeticException notEpoch) {
                    throw AwsError.badRequest(invalidValueCode(), "Invalid value '" + v + "' for " + name
                            + ": expected an ISO-8601 timestamp or epoch seconds");
                }
            }
        });
    }

    /** The error code this protocol family uses for a malformed parameter value. */
    String invalidValueCode();

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
