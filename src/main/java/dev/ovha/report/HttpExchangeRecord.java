package dev.ovha.report;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request and its answer as evidence, with secrets already removed.
 *
 * @param method          request method
 * @param url             full request URL
 * @param requestHeaders  request headers (Authorization reduced to its scheme)
 * @param requestBody     request body, possibly empty
 * @param status          response status, or 0 when no answer came
 * @param responseHeaders response headers
 * @param responseBody    response body, truncated for the report
 * @param millis          how long the exchange took
 */
public record HttpExchangeRecord(String method, String url, Map<String, List<String>> requestHeaders,
                                 String requestBody, int status, Map<String, List<String>> responseHeaders,
                                 String responseBody, long millis) {
    /** Bodies longer than this are cut: evidence is for reading, not for archiving whole payloads. */
    public static final int BODY_LIMIT = 4000;

    public static String truncated(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= BODY_LIMIT ? body
                : body.substring(0, BODY_LIMIT) + "... (" + (body.length() - BODY_LIMIT) + " more characters)";
    }

    /** A readable, curl-log-like rendering. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("> ").append(method).append(' ').append(url).append('\n');
        requestHeaders.forEach((k, v) -> v.forEach(value -> out.append("> ").append(k).append(": ").append(value).append('\n')));
        if (!requestBody.isEmpty()) {
            out.append("> \n> ").append(requestBody.replace("\n", "\n> ")).append('\n');
        }
        out.append("< ").append(status == 0 ? "(no answer)" : String.valueOf(status)).append(" in ").append(millis)
                .append(" ms\n");
        responseHeaders.forEach((k, v) -> v.forEach(value -> out.append("< ").append(k).append(": ").append(value).append('\n')));
        if (!responseBody.isEmpty()) {
            out.append("< \n< ").append(responseBody.replace("\n", "\n< ")).append('\n');
        }
        return out.toString();
    }
}
