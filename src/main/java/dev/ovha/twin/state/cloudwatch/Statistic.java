package dev.ovha.twin.state.cloudwatch;

import java.util.Arrays;
import java.util.Optional;

/** CloudWatch's basic statistics, by their API names. */
public enum Statistic {
    SAMPLE_COUNT("SampleCount"),
    AVERAGE("Average"),
    SUM("Sum"),
    MINIMUM("Minimum"),
    MAXIMUM("Maximum");

    private final String apiName;

    Statistic(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<Statistic> byApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName.equals(name)).findFirst();
    }

    public double of(Datapoint d) {
        return switch (this) {
            case SAMPLE_COUNT -> d.sampleCount();
            case AVERAGE -> d.average();
            case SUM -> d.sum();
            case MINIMUM -> d.minimum();
            case MAXIMUM -> d.maximum();
        };
    }
}
