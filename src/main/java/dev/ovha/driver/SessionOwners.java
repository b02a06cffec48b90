package dev.ovha.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which master hosts which session, found the way the vendor's fault-tolerance guide does: ask each master's
 * own OpenVidu server ({@code localhost:5443}, behind the replication-manager's proxy) for its sessions; "the
 * Master Node that returns a non-empty response is the one hosting the session". The command reads the secret
 * from the master's own {@code .env}, so it never travels in the SSM command (which SSM keeps in its history).
 */
public final class SessionOwners {
    static final String LIST_LOCAL_SESSIONS = "curl -sS -u \"OPENVIDUAPP:$(sed -n 's/^OPENVIDU_SECRET=//p'"
            + " /opt/openvidu/.env)\" http://localhost:5443/openvidu/api/sessions";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeCommands commands;

    public SessionOwners(NodeCommands commands) {
        this.commands = commands;
    }

    /**
     * The sessions each master hosts.
     *
     * @return per master, its sessions; masters SSM could not reach or whose answer was not a session list
     *         are listed in {@link SessionPlacement#unreadable()}
     */
    public SessionPlacement of(Collection<String> masterIds) {
        Map<String, Set<String>> hosted = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        commands.runOnEach(List.copyOf(masterIds), "list the sessions this master hosts", LIST_LOCAL_SESSIONS)
                .forEach((master, out) -> Optional.of(out).filter(ShellOutput::succeeded).flatMap(o -> parse(o.stdout()))
                        .ifPresentOrElse(s -> hosted.put(master, s), () -> unreadable.add(master)));
        return new SessionPlacement(hosted, unreadable);
    }

    static Optional<Set<String>> parse(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.path("content").isArray()) {
                return Optional.empty();
            }
            Set<String> ids = new TreeSet<>();
            json.path("content").forEach(s -> ids.add(s.path("id").asText(s.path("sessionId").asText(""))));
            ids.remove("");
            return Optional.of(ids);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
