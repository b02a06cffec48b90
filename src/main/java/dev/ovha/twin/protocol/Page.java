package dev.ovha.twin.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a paginated listing. The twin pages with a deliberately small default size so that
 * clients that forget a paginator see only the first page. Tokens are opaque; the last page has none
 * (an ever-repeating token makes SDK paginators loop forever).
 */
public record Page<T>(List<T> items, String nextToken) {

    private static final String TOKEN_PREFIX = "ovha-page:";

    /**
     * Cuts {@code all} at the position {@code token} names. {@code requestedSize} (MaxResults,
     * MaxRecords, PageSize) lowers the page size below {@code defaultSize} but never raises it past it.
     */
    public static <T> Page<T> of(List<T> all, Optional<String> token, Optional<Integer> requestedSize, int defaultSize,
                                 Function<String, AwsError> badToken) {
        int offset = token.filter(t -> !t.isEmpty()).map(t -> decode(t, badToken)).orElse(0);
        if (offset > all.size()) {
            throw badToken.apply(token.orElse(""));
        }
        int size = Math.max(1, Math.min(defaultSize, requestedSize.orElse(defaultSize)));
        int end = Math.min(all.size(), offset + size);
        String next = end < all.size() ? encode(end) : null;
        return new Page<>(List.copyOf(all.subList(offset, end)), next);
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token, Function<String, AwsError> badToken) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith(TOKEN_PREFIX)) {
                throw badToken.apply(token);
            }
            int offset = Integer.parseInt(text.substring(TOKEN_PREFIX.length()));
            if (offset < 0) {
                throw badToken.apply(token);
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw badToken.apply(token);
        }
    }
}
