package dev.ovha.twin.state.cloudwatch;

import java.time.Instant;
import java.util.Map;

/**
 * Which metric, over which time and at what resolution. {@code dimensions} must match the metric's
 * dimensions exactly, as in CloudWatch; an empty map asks for the aggregate over all of them.
 *
 * @param unit the unit to restrict to, or null for any
 */
public record MetricQuery(String namespace, String metricName, Map<String, String> dimensions, Instant start,
                          Instant end, int periodSeconds, String unit) {

    public MetricQuery {
        dimensions = Map.copyOf(dimensions);
        if (periodSeconds < 60 || periodSeconds % 60 != 0) {
            throw new IllegalArgumentException("the twin keeps one-minute data: the period must be a multiple of 60, got "
                    + periodSeconds);
        }
    }
}
