package dev.ovha.openvidu;

/**
 * A session an {@link OpenViduApplication} opened.
 *
 * @param id        the session id the stack gave it
 * @param createdAt creation time, UTC milliseconds
 */
public record ApplicationSession(String id, long createdAt) {
}
