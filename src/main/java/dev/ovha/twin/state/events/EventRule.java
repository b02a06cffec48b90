package dev.ovha.twin.state.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge rule on the default bus: either an event pattern or a schedule, a state, and its
 * targets. Its behaviour (matching, schedules, delivery) lives in {@link EventsState}.
 */
public final class EventRule {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    private final String name;
    private final String arn;
    private final String eventBusName;
    private final String description;
    private final EventPattern eventPattern;
    private final String scheduleExpression;
    private final String createdBy;
    private final List<RuleTarget> targets = new ArrayList<>();
    private boolean enabled;

    /** Exactly one of {@code eventPattern} and {@code scheduleExpression} is non-null. */
    public EventRule(String name, String arn, String eventBusName, String description, EventPattern eventPattern,
                     String scheduleExpression, boolean enabled, String createdBy, List<RuleTarget> targets) {
        if ((eventPattern == null) == (scheduleExpression == null)) {
            throw new IllegalArgumentException("rule " + name + " needs an event pattern or a schedule expression, not both");
        }
        this.name = name;
        this.arn = arn;
        this.eventBusName = eventBusName;
        this.description = description;
        this.eventPattern = eventPattern;
        this.scheduleExpression = scheduleExpression;
        this.enabled = enabled;
        this.createdBy = createdBy;
        this.targets.addAll(targets);
        if (scheduleExpression != null) {
            schedulePeriod();
        }
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public String eventBusName() {
        return eventBusName;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Optional<EventPattern> eventPattern() {
        return Optional.ofNullable(eventPattern);
    }

    public Optional<String> scheduleExpression() {
        return Optional.ofNullable(scheduleExpression);
    }

    public String createdBy() {
        return createdBy;
    }

    public boolean enabled() {
        return enabled;
    }

    /** {@code ENABLED} or {@code DISABLED}, as the API spells it. */
    public String state() {
        return enabled ? "ENABLED" : "DISABLED";
    }

    public List<RuleTarget> targets() {
        return List.copyOf(targets);
    }

    void setEnabled(boolean value) {
        this.enabled = value;
    }

    void replaceTargets(List<RuleTarget> value) {
        targets.clear();
        targets.addAll(value);
    }

    /** The period of a {@code rate(N unit)} schedule; the twin does not emulate cron schedules. */
    Duration schedulePeriod() {
        Matcher m = RATE.matcher(scheduleExpression.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("the twin emulates rate(N minutes|hours|days) schedules only, not "
                    + scheduleExpression);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        if (n < 1 || (n == 1) != !unit.endsWith("s")) {
            throw new IllegalArgumentException("invalid schedule expression " + scheduleExpression
                    + ": use rate(1 minute) or rate(N minutes)");
        }
        return unit.startsWith("minute") ? Duration.ofMinutes(n)
                : unit.startsWith("hour") ? Duration.ofHours(n) : Duration.ofDays(n);
    }
}
