package dev.ovha.bench;

import java.util.List;
import java.util.Optional;

/** Medians and rounding for the benchmark's figures. */
final class Stats {
    private Stats() {
    }

    /** The median (the mean of the middle two for an even count); empty for no values. */
    static Optional<Double> median(List<Double> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return Optional.of(sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2);
    }

    static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
