package dev.ovha.twin.state.sqs;

import java.time.Instant;

/**
 * A message as one receive returned it. The receipt handle is valid for this receive only: it deletes
 * the message while the message is still invisible to others.
 *
 * @param messageId      stable across receives
 * @param receiptHandle  what {@link SqsState#delete} takes
 * @param body           the message body
 * @param md5OfBody      hex MD5 of the UTF-8 body (SDKs verify it)
 * @param sentAt         when the message entered the queue (SentTimestamp)
 * @param firstReceivedAt when it was first received (ApproximateFirstReceiveTimestamp)
 * @param receiveCount   how many times it has been received, this time included
 * @param groupId        FIFO message group, or null
 * @param deduplicationId FIFO deduplication id, or null
 * @param sequenceNumber FIFO sequence number, or null
 * @param senderId       who sent it (SenderId)
 */
public record ReceivedMessage(String messageId, String receiptHandle, String body, String md5OfBody, Instant sentAt,
                              Instant firstReceivedAt, int receiveCount, String groupId, String deduplicationId,
                              String sequenceNumber, String senderId) {
}
