package dev.ovha.twin.state.cloudwatch;

import java.time.Instant;
import java.util.List;

/** The aggregate of a metric's samples over one period, from which every basic statistic follows. */
public record Datapoint(Instant timestamp, long sampleCount, double sum, double minimum, double maximum, String unit) {

    static Datapoint of(Instant timestamp, List<Double> samples, String unit) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : samples) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new Datapoint(timestamp, samples.size(), sum, min, max, unit);
    }

    public double average() {
        return sum / sampleCount;
    }
}
