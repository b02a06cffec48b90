package dev.ovha.twin.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP answer as a codec produced it; the edge writes it out unchanged. */
public record HttpReply(int status, String contentType, Map<String, String> headers, byte[] body) {

    public static HttpReply text(int status, String contentType, String body) {
        return new HttpReply(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
