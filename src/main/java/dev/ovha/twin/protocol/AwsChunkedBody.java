package dev.ovha.twin.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decodes the {@code aws-chunked} content encoding that SDKs use to stream S3 uploads (SigV4 streaming):
 * <pre>
 * hex-size[;chunk-signature=sig] CRLF  data CRLF   … repeated …
 * 0[;chunk-signature=sig] CRLF
 * trailer-name:value CRLF …  (e.g. x-amz-checksum-crc32, x-amz-trailer-signature)
 * CRLF
 * </pre>
 * Chunk and trailer signatures are not verified: the twin checks no signature anywhere. What comes out
 * is the object's real bytes and the trailers by lower-case name.
 */
public final class AwsChunkedBody {

    /** The decoded payload and the trailing headers that followed the last chunk. */
    public record Decoded(byte[] data, Map<String, String> trailers) {
    }

    private final byte[] in;
    private int pos;

    private AwsChunkedBody(byte[] in) {
        this.in = in;
    }

    /** True when the request says its body is aws-chunked, by either of the two signs SDKs give. */
    public static boolean isChunked(RestRequest request) {
        boolean encoded = request.header("Content-Encoding")
                .map(e -> e.toLowerCase(Locale.ROOT).contains("aws-chunked")).orElse(false);
        boolean streaming = request.header("x-amz-content-sha256").map(s -> s.startsWith("STREAMING-")).orElse(false);
        return encoded || streaming;
    }

    public static Decoded decode(byte[] body) {
        return new AwsChunkedBody(body).decode();
    }

    private Decoded decode() {
        ByteArrayOutputStream data = new ByteArrayOutputStream(in.length);
        while (true) {
            String header = line("a chunk size");
            int semicolon = header.indexOf(';');
            String hex = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw malformed("'" + abbreviate(header) + "' is not a chunk header (hex size, then optional ;chunk-signature=)");
            }
            if (size < 0) {
                throw malformed("negative chunk size " + hex);
            }
            if (size == 0) {
                break;
            }
            if (in.length - pos < size) {
                throw new AwsError(400, "IncompleteBody", "The aws-chunked body ends inside a chunk: the chunk header announced "
                        + size + " bytes, " + (in.length - pos) + " followed");
            }
            data.write(in, pos, size);
            pos += size;
            if (!line("the end of a chunk").isEmpty()) {
                throw malformed("a chunk of " + size + " bytes is not followed by CRLF");
            }
        }
        return new Decoded(data.toByteArray(), trailers());
    }

    private Map<String, String> trailers() {
        TreeMap<String, String> trailers = new TreeMap<>();
        while (pos < in.length) {
            String line = line("a trailer");
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed("'" + abbreviate(line) + "' is not a trailing header (name:value)");
            }
            trailers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return Collections.unmodifiableMap(trailers);
    }

    /** The next line without its CRLF; a body may end without the final CRLF. */
    private String line(String what) {
        if (pos >= in.length) {
            throw new AwsError(400, "IncompleteBody", "The aws-chunked body ends where " + what + " was expected"
                    + " (after " + pos + " bytes); it must end with a 0-size chunk");
        }
        int start = pos;
        while (pos < in.length && in[pos] != '\n') {
            pos++;
        }
        int end = pos > start && in[pos - 1] == '\r' ? pos - 1 : pos;
        if (pos < in.length) {
            pos++;
        }
        return new String(in, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private static AwsError malformed(String detail) {
        return AwsError.badRequest("InvalidRequest", "Malformed aws-chunked request body: " + detail);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
