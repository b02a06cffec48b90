package dev.ovha.twin.state.cloudwatch;

/** How an alarm compares its statistic with its threshold, by API name, with the words AWS uses in state reasons. */
public enum ComparisonOperator {
    GREATER_THAN("GreaterThanThreshold", "greater than"),
    GREATER_THAN_OR_EQUAL("GreaterThanOrEqualToThreshold", "greater than or equal to"),
    LESS_THAN("LessThanThreshold", "less than"),
    LESS_THAN_OR_EQUAL("LessThanOrEqualToThreshold", "less than or equal to");

    private final String apiName;
    private final String words;

    ComparisonOperator(String apiName, String words) {
        this.apiName = apiName;
        this.words = words;
    }

    public String apiName() {
        return apiName;
    }

    String words() {
        return words;
    }

    boolean breaches(double value, double threshold) {
        return switch (this) {
            case GREATER_THAN -> value > threshold;
            case GREATER_THAN_OR_EQUAL -> value >= threshold;
            case LESS_THAN -> value < threshold;
            case LESS_THAN_OR_EQUAL -> value <= threshold;
        };
    }
}
