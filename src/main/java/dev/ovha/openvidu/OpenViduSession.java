package dev.ovha.openvidu;

/**
 * A session as the REST API lists it.
 *
 * @param id          the session id
 * @param createdAt   creation time, UTC milliseconds
 * @param connections how many connections the answer counted
 */
public record OpenViduSession(String id, long createdAt, int connections) {
}
