package dev.ovha.openvidu;

/**
 * A connection an application created; its token is what a browser would join the session with.
 *
 * @param connectionId {@code con_...}
 * @param token        {@code wss://<domain>?sessionId=<id>&token=tok_...}
 * @param status       {@code pending} until a browser uses the token
 */
public record IssuedConnection(String connectionId, String token, String status) {
}
