package dev.ovha.probe;

import java.time.Instant;
import java.util.Objects;

/**
 * A moment worth a vertical line on the timeline: "fault start", "target unhealthy", "replacement
 * launched", "replacement healthy". Markers come from the scenario's own observations (and, on the twin,
 * may come from its ground truth for comparison).
 */
public record TimelineMarker(String label, Instant at) {
    public TimelineMarker {
        Objects.requireNonNull(at, "at");
        if (label == null || label.isBlank() || label.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a marker needs a one-line label");
        }
    }
}
