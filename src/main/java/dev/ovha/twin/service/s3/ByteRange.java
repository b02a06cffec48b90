package dev.ovha.twin.service.s3;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single byte range of a GetObject/HeadObject ({@code Range: bytes=0-4}, {@code bytes=7-},
 * {@code bytes=-5}), resolved against the object's size. As HTTP prescribes, a header that is not one
 * well-formed range is ignored (the whole object is sent); a range that starts past the end is 416.
 *
 * @param first first byte, inclusive
 * @param last  last byte, inclusive
 */
record ByteRange(int first, int last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** The range to send, or empty for the whole object. */
    static Optional<ByteRange> resolve(Optional<String> header, int size) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String spec = header.get().trim();
        Matcher m = SINGLE.matcher(spec);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        long from;
        long to;
        if (m.group(1).isEmpty()) {
            long suffix = parse(m.group(2));
            if (suffix == 0 || size == 0) {
                throw S3Errors.invalidRange(spec, size);
            }
            from = Math.max(0, size - suffix);
            to = size - 1L;
        } else {
            from = parse(m.group(1));
            to = m.group(2).isEmpty() ? size - 1L : Math.min(parse(m.group(2)), size - 1L);
            if (!m.group(2).isEmpty() && parse(m.group(2)) < from) {
                return Optional.empty();
            }
            if (from >= size) {
                throw S3Errors.invalidRange(spec, size);
            }
        }
        return Optional.of(new ByteRange((int) from, (int) to));
    }

    int length() {
        return last - first + 1;
    }

    String contentRange(int size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** Digits beyond a long are "after any object's end": the largest long does the same job. */
    private static long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
