package dev.ovha.twin.openvidu;

import java.time.Instant;

/**
 * A connection of a session. The twin has no WebRTC peers, so every connection stays {@code pending}:
 * its token is valid but nobody joins with it.
 */
public final class ConnectionRecord {

    private final String id;
    private final String sessionId;
    private final Instant createdAt;
    private final String token;
    private final String serverData;
    private String role;
    private boolean record;

    public ConnectionRecord(String id, String sessionId, Instant createdAt, String token, String serverData, String role,
                            boolean record) {
        this.id = id;
        this.sessionId = sessionId;
        this.createdAt = createdAt;
        this.token = token;
        this.serverData = serverData;
        this.role = role;
        this.record = record;
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String token() {
        return token;
    }

    public String serverData() {
        return serverData;
    }

    public String role() {
        return role;
    }

    public boolean record() {
        return record;
    }

    void update(String newRole, Boolean newRecord) {
        if (newRole != null) {
            this.role = newRole;
        }
        if (newRecord != null) {
            this.record = newRecord;
        }
    }
}
