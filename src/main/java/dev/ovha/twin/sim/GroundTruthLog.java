package dev.ovha.twin.sim;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Append-only record of every state change in the twin; thread-safe. It belongs to the {@code Twin},
 * not to one world, so sequence numbers keep counting across resets and rebuilds (a reader polling
 * {@code since(n)} never loses its place). It keeps the newest {@value #CAPACITY} events, as a ring:
 * a twin running for hours must not grow without bound.
 */
public final class GroundTruthLog {

    static final int CAPACITY = 200_000;

    private final Deque<TwinEvent> events = new ArrayDeque<>();
    private final int capacity;
    private long lastSeq;
    private VirtualClock clock;

    public GroundTruthLog() {
        this(CAPACITY);
    }

    GroundTruthLog(int capacity) {
        this.capacity = capacity;
    }

    /** The clock whose virtual time stamps new events (a rebuilt world brings a new one). */
    public synchronized void useClock(VirtualClock newClock) {
        this.clock = newClock;
    }

    /** Records {@code type} for {@code subject}; {@code details} are alternating key, value strings. */
    public synchronized TwinEvent record(String type, String subject, String... details) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < details.length; i += 2) {
            map.put(details[i], details[i + 1]);
        }
        TwinEvent event = new TwinEvent(++lastSeq, clock.now(), Instant.now(), type, subject, Collections.unmodifiableMap(map));
        events.addLast(event);
        if (events.size() > capacity) {
            events.removeFirst();
        }
        return event;
    }

    /** Events with a sequence number greater than {@code afterSeq}, oldest first (as far back as kept). */
    public synchronized List<TwinEvent> since(long afterSeq) {
        List<TwinEvent> result = new ArrayList<>();
        for (TwinEvent event : events) {
            if (event.seq() > afterSeq) {
                result.add(event);
            }
        }
        return result;
    }

    /** The oldest sequence number still kept (0 when empty): a reader asking from before it has lost events. */
    public synchronized long oldestSeq() {
        return events.isEmpty() ? 0 : events.peekFirst().seq();
    }

    public synchronized List<TwinEvent> all() {
        return List.copyOf(events);
    }
}
