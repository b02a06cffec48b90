package dev.ovha.twin.state.cloudwatch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A metric alarm: its definition (as the stack's template declares it) and its state, which
 * {@link CloudWatchState} re-evaluates every minute and whose actions (the media group's scaling
 * policies) it executes while the alarm is in ALARM. An idle stack keeps the scale-down alarm in
 * ALARM for good; the seeded stack's MinSize equals its media count, so that is a no-op.
 */
public final class MetricAlarm {

    public static final String OK = "OK";
    public static final String ALARM = "ALARM";
    public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";

    private static final DateTimeFormatter REASON_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss").withZone(ZoneOffset.UTC);

    private final String name;
    private final String arn;
    private final String description;
    private final String namespace;
    private final String metricName;
    private final Map<String, String> dimensions;
    private final Statistic statistic;
    private final int periodSeconds;
    private final int evaluationPeriods;
    private final double threshold;
    private final ComparisonOperator comparison;
    private final List<String> alarmActions;
    private final Instant configurationUpdatedAt;
    private String stateValue = INSUFFICIENT_DATA;
    private String stateReason = "Unchecked: Initial alarm creation";
    private Instant stateUpdatedAt;
    private Instant stateTransitionedAt;

    public MetricAlarm(String name, String arn, String description, String namespace, String metricName,
                       Map<String, String> dimensions, Statistic statistic, int periodSeconds, int evaluationPeriods,
                       double threshold, ComparisonOperator comparison, List<String> alarmActions,
                       Instant configurationUpdatedAt) {
        this.name = name;
        this.arn = arn;
        this.description = description;
        this.namespace = namespace;
        this.metricName = metricName;
        this.dimensions = Map.copyOf(dimensions);
        this.statistic = statistic;
        this.periodSeconds = periodSeconds;
        this.evaluationPeriods = evaluationPeriods;
        this.threshold = threshold;
        this.comparison = comparison;
        this.alarmActions = List.copyOf(alarmActions);
        this.configurationUpdatedAt = configurationUpdatedAt;
        this.stateUpdatedAt = configurationUpdatedAt;
        this.stateTransitionedAt = configurationUpdatedAt;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public String namespace() {
        return namespace;
    }

    public String metricName() {
        return metricName;
    }

    public Map<String, String> dimensions() {
        return dimensions;
    }

    public Statistic statistic() {
        return statistic;
    }

    public int periodSeconds() {
        return periodSeconds;
    }

    public int evaluationPeriods() {
        return evaluationPeriods;
    }

    public double threshold() {
        return threshold;
    }

    public ComparisonOperator comparison() {
        return comparison;
    }

    public List<String> alarmActions() {
        return alarmActions;
    }

    public Instant configurationUpdatedAt() {
        return configurationUpdatedAt;
    }

    public String stateValue() {
        return stateValue;
    }

    public String stateReason() {
        return stateReason;
    }

    public Instant stateUpdatedAt() {
        return stateUpdatedAt;
    }

    public Instant stateTransitionedAt() {
        return stateTransitionedAt;
    }

    /**
     * Evaluates the alarm on the datapoints of its last evaluation periods (oldest first) and returns
     * the previous state if the state changed. Missing data is treated as missing (AWS's default):
     * no datapoint at all gives INSUFFICIENT_DATA.
     */
    Optional<String> evaluate(List<Datapoint> recent, Instant now) {
        String previous = stateValue;
        if (recent.isEmpty()) {
            set(INSUFFICIENT_DATA, "Insufficient Data: " + evaluationPeriods + " datapoint"
                    + (evaluationPeriods == 1 ? " was" : "s were") + " unknown.", now);
        } else {
            List<Datapoint> window = recent.subList(Math.max(0, recent.size() - evaluationPeriods), recent.size());
            boolean breaching = window.stream().allMatch(d -> comparison.breaches(statistic.of(d), threshold));
            String next = breaching ? ALARM : OK;
            StringBuilder values = new StringBuilder();
            for (Datapoint d : window) {
                if (values.length() > 0) {
                    values.append(", ");
                }
                values.append(statistic.of(d)).append(" (").append(REASON_TIME.format(d.timestamp())).append(')');
            }
            set(next, "Threshold Crossed: " + window.size() + " out of the last " + evaluationPeriods + " datapoint"
                    + (evaluationPeriods == 1 ? "" : "s") + " [" + values + "] was " + (breaching ? "" : "not ")
                    + comparison.words() + " the threshold (" + threshold + ") (minimum " + evaluationPeriods
                    + " datapoint" + (evaluationPeriods == 1 ? "" : "s") + " for " + (breaching ? "OK -> ALARM" : "ALARM -> OK")
                    + " transition).", now);
        }
        return previous.equals(stateValue) ? Optional.empty() : Optional.of(previous);
    }

    /** AWS records a new reason only on a transition; the reason of a steady state stays the one that put it there. */
    private void set(String value, String reason, Instant now) {
        if (!value.equals(stateValue)) {
            stateValue = value;
            stateReason = reason;
            stateUpdatedAt = now;
            stateTransitionedAt = now;
        }
    }
}
