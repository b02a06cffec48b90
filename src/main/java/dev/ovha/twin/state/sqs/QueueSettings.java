package dev.ovha.twin.state.sqs;

import java.time.Duration;

/**
 * A queue's configuration, as CreateQueue/SetQueueAttributes would have set it.
 *
 * @param fifo                      a FIFO queue (its name ends in {@code .fifo})
 * @param contentBasedDeduplication the deduplication id defaults to the SHA-256 of the body
 * @param retention                 how long a message lives, received or not (MessageRetentionPeriod)
 * @param visibilityTimeout         how long a received message stays invisible unless deleted
 * @param delay                     DelaySeconds (the twin delivers at once; kept for the attributes)
 * @param maximumMessageSize        bytes; a larger body is refused
 * @param receiveWaitTime           ReceiveMessageWaitTimeSeconds (the twin never blocks; kept for the attributes)
 * @param policy                    the queue policy document, as the Policy attribute reports it
 */
public record QueueSettings(boolean fifo, boolean contentBasedDeduplication, Duration retention,
                            Duration visibilityTimeout, Duration delay, int maximumMessageSize,
                            Duration receiveWaitTime, String policy) {

    /** SQS's deduplication interval: a second message with the same deduplication id within it is dropped. */
    public static final Duration DEDUPLICATION_INTERVAL = Duration.ofMinutes(5);

    public QueueSettings {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("message retention must be positive, got " + retention);
        }
        if (visibilityTimeout.isNegative()) {
            throw new IllegalArgumentException("visibility timeout must not be negative, got " + visibilityTimeout);
        }
    }
}
