package dev.ovha.driver;

import java.time.Instant;
import java.util.List;

/**
 * What CloudWatch reported of a queue's traffic, one line per minute, oldest first.
 *
 * @param queueName the queue
 * @param minutes   the newest minutes CloudWatch reported
 */
public record QueueActivity(String queueName, List<Minute> minutes) {
    public QueueActivity {
        minutes = List.copyOf(minutes);
    }

    /**
     * One minute of {@code AWS/SQS} metrics.
     *
     * @param start   the minute's start
     * @param sent    NumberOfMessagesSent
     * @param deleted NumberOfMessagesDeleted
     */
    public record Minute(Instant start, long sent, long deleted) {
    }

    public long sent() {
        return minutes.stream().mapToLong(Minute::sent).sum();
    }

    public long deleted() {
        return minutes.stream().mapToLong(Minute::deleted).sum();
    }

    /**
     * Messages sent before the newest minute: each has had time to be consumed, since a master takes a
     * message within seconds (one sent in the newest minute may still be on its way).
     */
    public long settledSent() {
        return minutes.stream().limit(Math.max(0, minutes.size() - 1)).mapToLong(Minute::sent).sum();
    }

    /** {@code 3 minutes from 10:01Z: 3 sent, 3 deleted}, for messages. */
    public String summary() {
        return minutes.isEmpty() ? "no datapoint for " + queueName
                : minutes.size() + " minute" + (minutes.size() == 1 ? "" : "s") + " from " + minutes.get(0).start() + ": "
                + sent() + " message" + (sent() == 1 ? "" : "s") + " sent, " + deleted() + " deleted";
    }
}
