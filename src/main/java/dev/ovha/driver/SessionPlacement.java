package dev.ovha.driver;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which master hosts which session at one moment.
 *
 * @param hosted     per master instance id, the ids of the sessions it hosts
 * @param unreadable masters whose sessions could not be listed (SSM could not reach them, or the answer was
 *                   not a session list)
 */
public record SessionPlacement(Map<String, Set<String>> hosted, List<String> unreadable) {
    public SessionPlacement {
        hosted = Map.copyOf(hosted);
        unreadable = List.copyOf(unreadable);
    }

    /** The master hosting {@code sessionId}, if a readable one does. */
    public Optional<String> ownerOf(String sessionId) {
        return hosted.entrySet().stream().filter(e -> e.getValue().contains(sessionId)).map(Map.Entry::getKey)
                .findFirst();
    }

    public Set<String> sessionsOf(String master) {
        return hosted.getOrDefault(master, Set.of());
    }
}
