package dev.ovha.probe;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of time in which requests failed: from the start of its first failed request to the end of
 * its last one. Failures less than the merge gap apart belong to the same window even when successes lie
 * between them, because behind a load balancer an outage of one master shows as every other request
 * failing, not as a solid block of errors.
 *
 * @param start    when the first failed request was sent
 * @param end      when the last failed request ended
 * @param failures failed requests in the window
 * @param requests all requests sent within the window
 */
public record ErrorWindow(Instant start, Instant end, int failures, int requests) {

    @JsonProperty("durationMillis")
    public long durationMillis() {
        return Duration.between(start, end).toMillis();
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
