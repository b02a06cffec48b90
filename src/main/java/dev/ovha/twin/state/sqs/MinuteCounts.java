package dev.ovha.twin.state.sqs;

import java.time.Instant;

/**
 * One virtual minute of a queue's activity, what CloudWatch publishes as {@code AWS/SQS}
 * NumberOfMessagesSent / NumberOfMessagesReceived / NumberOfMessagesDeleted.
 *
 * @param minute   start of the minute (UTC, whole minute)
 * @param sent     messages that entered the queue (duplicates dropped by deduplication do not count)
 * @param received messages returned by receives, redeliveries included
 * @param deleted  deletes with a valid receipt handle, repeated deletes included (as AWS counts them)
 */
public record MinuteCounts(Instant minute, long sent, long received, long deleted) {

    public static MinuteCounts none(Instant minute) {
        return new MinuteCounts(minute, 0, 0, 0);
    }

    MinuteCounts plus(long moreSent, long moreReceived, long moreDeleted) {
        return new MinuteCounts(minute, sent + moreSent, received + moreReceived, deleted + moreDeleted);
    }
}
