package dev.ovha.twin.openvidu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An OpenVidu session, owned by the master that created it (its replication-manager proxies requests
 * for it there). The session's properties are kept as the validated request members.
 */
public final class SessionRecord {

    private final String id;
    private final String ownerInstanceId;
    private final Instant createdAt;
    private final boolean customId;
    private final Map<String, Object> properties;
    private final String mediaNodeId;
    private final List<ConnectionRecord> connections = new ArrayList<>();

    public SessionRecord(String id, String ownerInstanceId, Instant createdAt, boolean customId, Map<String, Object> properties) {
        this(id, ownerInstanceId, createdAt, customId, properties, null);
    }

    /**
     * @param mediaNodeId the media node the session is allocated to ({@code media_<instance id>}), or null while
     *                    it is not allocated: OpenVidu allocates a session when its first user joins, or at
     *                    creation when the request names a media node
     */
    public SessionRecord(String id, String ownerInstanceId, Instant createdAt, boolean customId, Map<String, Object> properties,
                         String mediaNodeId) {
        this.id = id;
        this.ownerInstanceId = ownerInstanceId;
        this.createdAt = createdAt;
        this.customId = customId;
        this.properties = Map.copyOf(properties);
        this.mediaNodeId = mediaNodeId;
    }

    public String id() {
        return id;
    }

    public String ownerInstanceId() {
        return ownerInstanceId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean customId() {
        return customId;
    }

    /** The media node it is allocated to, if any. */
    public java.util.Optional<String> mediaNodeId() {
        return java.util.Optional.ofNullable(mediaNodeId);
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public List<ConnectionRecord> connections() {
        return Collections.unmodifiableList(connections);
    }

    void add(ConnectionRecord connection) {
        connections.add(connection);
    }

    boolean remove(String connectionId) {
        return connections.removeIf(c -> c.id().equals(connectionId));
    }
}
