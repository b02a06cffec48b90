package dev.ovha.driver;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge rule and its targets.
 *
 * @param name               rule name
 * @param arn                rule ARN
 * @param state              ENABLED, DISABLED, ...
 * @param scheduleExpression e.g. {@code rate(1 minute)}, for a scheduled rule
 * @param eventPattern       the pattern (JSON text), for an event rule
 * @param targets            where matching events go
 */
public record EventRuleView(String name, String arn, String state, Optional<String> scheduleExpression,
                            Optional<String> eventPattern, List<RuleTargetView> targets) {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+)\\s+(minute|minutes|hour|hours|day|days)\\)");

    public EventRuleView {
        targets = List.copyOf(targets);
    }

    public boolean enabled() {
        return state.startsWith("ENABLED");
    }

    /** The period of a {@code rate(...)} schedule; empty for cron schedules and event rules. */
    public Optional<Duration> schedulePeriod() {
        return scheduleExpression.map(e -> RATE.matcher(e.strip().toLowerCase(Locale.ROOT))).filter(Matcher::matches)
                .map(m -> {
                    long n = Long.parseLong(m.group(1));
                    return switch (m.group(2)) {
                        case "minute", "minutes" -> Duration.ofMinutes(n);
                        case "hour", "hours" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    };
                });
    }

    /**
     * One target of a rule.
     *
     * @param id               the target's id in the rule
     * @param arn              what it delivers to (a queue ARN for the stack's rules)
     * @param messageGroupId   the SQS message group, for a FIFO queue target
     * @param transformsInput  whether an input transformer shapes the message
     */
    public record RuleTargetView(String id, String arn, Optional<String> messageGroupId, boolean transformsInput) {
    }
}
