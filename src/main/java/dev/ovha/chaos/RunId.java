package dev.ovha.chaos;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of one harness run, e.g. {@code ovha-20260105T090000Z-3f2a9c}: written with every journal
 * entry and tagged ({@code ovha:run-id}) on every FIS object, so that what a run left behind can be found
 * after the run is gone. Sortable by time, unique enough that two runs starting in the same second differ.
 */
public record RunId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    public RunId {
        Objects.requireNonNull(value, "value");
        // Run ids become FIS tag values (at most 256 characters) and journal fields: keep them plain.
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a run id: '" + value + "'");
        }
    }

    public static RunId generate(Instant now) {
        byte[] random = new byte[3];
        RANDOM.nextBytes(random);
        return new RunId("ovha-" + STAMP.format(now.truncatedTo(ChronoUnit.SECONDS)) + "-"
                + HexFormat.of().formatHex(random));
    }

    @Override
    public String toString() {
        return value;
    }
}
