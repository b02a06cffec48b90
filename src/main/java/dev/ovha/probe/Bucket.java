package dev.ovha.probe;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * The requests sent within one slice of the timeline (100 ms by default).
 *
 * @param index             slice number from the timeline's start
 * @param start             the slice's start
 * @param requests          requests sent in it
 * @param successes         of which answered 2xx
 * @param meanLatencyMillis mean latency, null for an empty slice
 * @param maxLatencyMillis  highest latency, null for an empty slice
 * @param instances         answers per {@code AWS_INSTANCE_ID}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Bucket(int index, Instant start, int requests, int successes, Double meanLatencyMillis,
                     Double maxLatencyMillis, Map<String, Integer> instances) {

    public Bucket {
        instances = Map.copyOf(instances);
    }

    /** Successes per request in percent, null for an empty slice. */
    @JsonProperty("successRate")
    public Double successRate() {
        return requests == 0 ? null : 100.0 * successes / requests;
    }
}
