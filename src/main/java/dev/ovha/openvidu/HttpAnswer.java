package dev.ovha.openvidu;

import java.util.Optional;

/**
 * What the stack answered to one HTTP request, for checks about the answer itself (status codes,
 * redirects) rather than about OpenVidu data.
 *
 * @param method      request method
 * @param url         request URL
 * @param status      response status
 * @param location    the {@code Location} header, if any
 * @param contentType the {@code Content-Type} header, if any
 * @param body        the body (secrets removed), possibly empty
 */
public record HttpAnswer(String method, String url, int status, Optional<String> location,
                         Optional<String> contentType, String body) {

    /** {@code GET https://x/openvidu/api/config answered 401}, for messages. */
    public String summary() {
        return method + " " + url + " answered " + status + location.map(l -> " (Location: " + l + ")").orElse("");
    }

    /** The first line of the body, short, for messages. */
    public String bodyExcerpt() {
        String firstLine = body.lines().findFirst().orElse("").strip();
        return firstLine.length() > 160 ? firstLine.substring(0, 160) + "..." : firstLine;
    }
}
