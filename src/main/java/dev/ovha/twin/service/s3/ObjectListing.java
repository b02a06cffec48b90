package dev.ovha.twin.service.s3;

import dev.ovha.twin.state.S3Object;
import dev.ovha.twin.state.S3State;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One page of ListObjectsV2: the keys under {@code prefix}, those that contain {@code delimiter} after
 * the prefix rolled up into common prefixes (each counting as one entry), after {@code start-after} or
 * the continuation token, at most {@code maxKeys} entries.
 *
 * <p>The continuation token names the last entry returned rather than an offset, so a key put or
 * deleted between two pages neither repeats nor hides another one. The last page has no token: an SDK
 * paginator continues for as long as it gets one.
 */
record ObjectListing(List<S3Object> contents, List<String> commonPrefixes, Optional<String> nextToken) {

    private static final String TOKEN_PREFIX = "ovha-s3-list:";

    /** What the listing asks for; {@code marker} is the decoded token, else start-after. */
    record Query(String prefix, String delimiter, Optional<Marker> marker, int maxKeys) {
    }

    /** Where the previous page stopped: after a key, or after every key of a common prefix. */
    record Marker(boolean commonPrefix, String value) {

        static Marker decodeToken(String token) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                if (!text.startsWith(TOKEN_PREFIX) || text.length() < TOKEN_PREFIX.length() + 2) {
                    throw badToken(token);
                }
                char kind = text.charAt(TOKEN_PREFIX.length());
                if (kind != 'k' && kind != 'p') {
                    throw badToken(token);
                }
                return new Marker(kind == 'p', text.substring(TOKEN_PREFIX.length() + 2));
            } catch (IllegalArgumentException e) {
                throw badToken(token);
            }
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (TOKEN_PREFIX + (commonPrefix ? 'p' : 'k') + ':' + value).getBytes(StandardCharsets.UTF_8));
        }

        boolean passed(String key) {
            if (commonPrefix && key.startsWith(value)) {
                return false;
            }
            return S3State.KEY_ORDER.compare(key, value) > 0;
        }

        private static RuntimeException badToken(String token) {
            return S3Errors.invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
        }
    }

    static ObjectListing of(List<S3Object> sorted, Query query) {
        List<S3Object> contents = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        Marker last = null;
        boolean truncated = false;
        for (S3Object object : sorted) {
            String key = object.key();
            if (!key.startsWith(query.prefix()) || !query.marker().map(m -> m.passed(key)).orElse(true)) {
                continue;
            }
            Optional<String> rollUp = commonPrefix(key, query);
            if (rollUp.isPresent() && last != null && last.commonPrefix() && last.value().equals(rollUp.get())) {
                continue;
            }
            if (contents.size() + prefixes.size() == query.maxKeys()) {
                truncated = true;
                break;
            }
            if (rollUp.isPresent()) {
                prefixes.add(rollUp.get());
                last = new Marker(true, rollUp.get());
            } else {
                contents.add(object);
                last = new Marker(false, key);
            }
        }
        // A token with no progress (max-keys=0) would make a paginator ask for the same page forever.
        Optional<String> next = truncated && last != null ? Optional.of(last.encode()) : Optional.empty();
        return new ObjectListing(List.copyOf(contents), List.copyOf(prefixes), next);
    }

    int keyCount() {
        return contents.size() + commonPrefixes.size();
    }

    private static Optional<String> commonPrefix(String key, Query query) {
        if (query.delimiter().isEmpty()) {
            return Optional.empty();
        }
        int at = key.indexOf(query.delimiter(), query.prefix().length());
        return at < 0 ? Optional.empty() : Optional.of(key.substring(0, at + query.delimiter().length()));
    }
}
