package dev.ovha.twin.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Append-only record of every state change in the twin; thread-safe. */
public final class GroundTruthLog {

    private final VirtualClock clock;
    private final List<TwinEvent> events = new ArrayList<>();

    public GroundTruthLog(VirtualClock clock) {
        this.clock = clock;
    }

    /** Records {@code type} for {@code subject}; {@code details} are alternating key, value strings. */
    public synchronized TwinEvent record(String type, String subject, String... details) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < details.length; i += 2) {
            map.put(details[i], details[i + 1]);
        }
        TwinEvent event = new TwinEvent(events.size() + 1L, clock.now(), Instant.now(), type, subject, java.util.Collections.unmodifiableMap(map));
        events.add(event);
        return event;
    }

    /** Events with a sequence number greater than {@code afterSeq}, oldest first. */
    public synchronized List<TwinEvent> since(long afterSeq) {
        int from = (int) Math.min(Math.max(afterSeq, 0), events.size());
        return List.copyOf(events.subList(from, events.size()));
    }

    public synchronized List<TwinEvent> all() {
        return List.copyOf(events);
    }
}
