package dev.ovha.twin.state;

/**
 * One listener action: {@code forward} to a target group, {@code redirect} (status and target
 * protocol/port/path), or {@code fixed-response} (status code).
 */
public record ListenerAction(String type, String targetGroupArn, String redirectProtocol, String redirectPort,
                             String redirectStatusCode, String fixedStatusCode) {

    public static ListenerAction forward(String targetGroupArn) {
        return new ListenerAction("forward", targetGroupArn, null, null, null, null);
    }

    public static ListenerAction redirectToHttps() {
        return new ListenerAction("redirect", null, "HTTPS", "443", "HTTP_301", null);
    }

    public static ListenerAction fixedResponse(String statusCode) {
        return new ListenerAction("fixed-response", null, null, null, null, statusCode);
    }
}
