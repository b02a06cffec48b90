package dev.ovha.twin.openvidu;

import dev.ovha.twin.sim.SeededIds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's sessions and their owners, as the replication-manager keeps them in Redis: a session
 * id is unique across the cluster, requests for it go to its owner, and it dies with its owner.
 */
public final class SessionRegistry {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final SeededIds ids;
    private final Map<String, SessionRecord> sessions = new LinkedHashMap<>();

    SessionRegistry(SeededIds ids) {
        this.ids = ids;
    }

    public List<SessionRecord> all() {
        return List.copyOf(sessions.values());
    }

    public Optional<SessionRecord> find(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    SessionRecord create(String owner, Optional<String> customId, Map<String, Object> properties, Instant at,
                         Optional<String> mediaNodeId) {
        if (customId.isPresent() && sessions.containsKey(customId.get())) {
            throw new ClusterRejection(ClusterRejection.Kind.CONFLICT, "");
        }
        String id = customId.orElseGet(() -> "ses_" + random(UPPER, 1) + random(ALPHANUMERIC, 9));
        SessionRecord session = new SessionRecord(id, owner, at, customId.isPresent(), properties, mediaNodeId.orElse(null));
        sessions.put(id, session);
        return session;
    }

    void close(String id) {
        if (sessions.remove(id) == null) {
            throw new ClusterRejection(ClusterRejection.Kind.NOT_FOUND, "Session " + id + " does not exist");
        }
    }

    ConnectionRecord connect(SessionRecord session, String domain, String data, String role, boolean record, Instant at) {
        String connectionId = "con_" + random(UPPER, 1) + random(ALPHANUMERIC, 9);
        String token = "wss://" + domain + "?sessionId=" + session.id() + "&token=tok_" + random(UPPER, 1)
                + random(ALPHANUMERIC, 15);
        ConnectionRecord connection = new ConnectionRecord(connectionId, session.id(), at, token, data, role, record);
        session.add(connection);
        return connection;
    }

    /** Drops every session owned by {@code owner}; returns their ids. */
    List<String> dropOwnedBy(String owner) {
        List<String> dropped = new ArrayList<>();
        sessions.values().removeIf(s -> {
            boolean owned = s.ownerInstanceId().equals(owner);
            if (owned) {
                dropped.add(s.id());
            }
            return owned;
        });
        return dropped;
    }

    /** Drops every session allocated to the media node {@code nodeId}; returns their ids. */
    List<String> dropOnMediaNode(String nodeId) {
        List<String> dropped = new ArrayList<>();
        sessions.values().removeIf(s -> {
            boolean there = s.mediaNodeId().filter(nodeId::equals).isPresent();
            if (there) {
                dropped.add(s.id());
            }
            return there;
        });
        return dropped;
    }

    List<String> dropAll() {
        List<String> dropped = new ArrayList<>(sessions.keySet());
        sessions.clear();
        return dropped;
    }

    private String random(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(ids.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
