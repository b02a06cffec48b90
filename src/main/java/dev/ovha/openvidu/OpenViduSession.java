package dev.ovha.openvidu;

/**
 * A session as the REST API lists it.
 *
 * @param id          the session id
 * @param createdAt   creation time, UTC milliseconds
 * @param connections how many connections the answer counted
 * @param mediaNodeId the media node it is allocated to ({@code media_<instance id>}), empty until it is
 */
public record OpenViduSession(String id, long createdAt, int connections, String mediaNodeId) {
}
