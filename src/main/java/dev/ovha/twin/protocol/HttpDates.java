package dev.ovha.twin.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Dates in HTTP headers ({@code Last-Modified}, {@code If-Modified-Since}): RFC 1123, always GMT. */
public final class HttpDates {

    /**
     * The IMF-fixdate form with a two-digit day ({@code Mon, 05 Jan 2026 09:00:00 GMT}). The JDK's
     * {@code RFC_1123_DATE_TIME} writes {@code 5 Jan}, which RFC 9110 does not allow a server to send.
     */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /** Parses an RFC 1123 date; empty when it is not one (HTTP says to ignore such a condition). */
    public static Optional<Instant> parse(String text) {
        try {
            return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(text.trim())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
