package dev.ovha.twin.state.fis;

/**
 * A stop condition: {@code none}, or {@code aws:cloudwatch:alarm} with the alarm's ARN as value.
 *
 * @param value null for {@code none}
 */
public record StopCondition(String source, String value) {

    public static final String NONE = "none";
    public static final String ALARM = "aws:cloudwatch:alarm";

    public boolean isAlarm() {
        return ALARM.equals(source);
    }
}
