package dev.ovha.twin.service.s3;

import dev.ovha.twin.protocol.HttpDates;
import dev.ovha.twin.protocol.RestRequest;
import dev.ovha.twin.state.S3Object;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * The conditional headers of GetObject and HeadObject, evaluated in RFC 9110's order, which is also
 * what S3 documents: If-Match (else If-Unmodified-Since) fails with 412; If-None-Match (else
 * If-Modified-Since) answers 304. Dates compare at whole seconds, the precision of Last-Modified.
 */
final class Preconditions {

    enum Outcome { PROCEED, NOT_MODIFIED }

    private Preconditions() {
    }

    static Outcome evaluate(RestRequest request, S3Object object) {
        Instant modified = object.lastModified().truncatedTo(ChronoUnit.SECONDS);
        if (request.header("If-Match").isPresent()) {
            if (!matches(request.header("If-Match").get(), object.etag())) {
                throw S3Errors.preconditionFailed("If-Match");
            }
        } else if (request.header("If-Unmodified-Since").flatMap(HttpDates::parse)
                .filter(since -> modified.isAfter(since)).isPresent()) {
            throw S3Errors.preconditionFailed("If-Unmodified-Since");
        }
        if (request.header("If-None-Match").isPresent()) {
            return matches(request.header("If-None-Match").get(), object.etag()) ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
        }
        boolean unchanged = request.header("If-Modified-Since").flatMap(HttpDates::parse)
                .filter(since -> !modified.isAfter(since)).isPresent();
        return unchanged ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
    }

    /** Does a list of entity tags ({@code "a", W/"b"} or {@code *}) name this ETag? Quotes are optional. */
    private static boolean matches(String list, String etag) {
        String bare = unquote(etag);
        return Arrays.stream(list.split(",")).map(String::trim)
                .anyMatch(tag -> tag.equals("*") || unquote(tag.startsWith("W/") ? tag.substring(2) : tag).equals(bare));
    }

    private static String unquote(String tag) {
        return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
    }
}
