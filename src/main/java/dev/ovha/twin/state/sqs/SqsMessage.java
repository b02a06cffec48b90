package dev.ovha.twin.state.sqs;

import java.time.Instant;

/** A message while it lives in its queue; only {@link SqsQueue} changes it. */
final class SqsMessage {

    final String messageId;
    final String body;
    final String md5OfBody;
    final String groupId;
    final String deduplicationId;
    final String sequenceNumber;
    final String senderId;
    final Instant sentAt;
    final Instant expiresAt;
    Instant visibleAt;
    int receiveCount;
    Instant firstReceivedAt;
    String receiptHandle;
    Instant removedAt;

    SqsMessage(String messageId, String body, String md5OfBody, String groupId, String deduplicationId,
               String sequenceNumber, String senderId, Instant sentAt, Instant visibleAt, Instant expiresAt) {
        this.messageId = messageId;
        this.body = body;
        this.md5OfBody = md5OfBody;
        this.groupId = groupId;
        this.deduplicationId = deduplicationId;
        this.sequenceNumber = sequenceNumber;
        this.senderId = senderId;
        this.sentAt = sentAt;
        this.visibleAt = visibleAt;
        this.expiresAt = expiresAt;
    }

    /** Received and not yet visible again: in flight (ApproximateNumberOfMessagesNotVisible). */
    boolean inFlight(Instant now) {
        return receiveCount > 0 && now.isBefore(visibleAt);
    }

    boolean visible(Instant now) {
        return !now.isBefore(visibleAt);
    }

    ReceivedMessage received() {
        return new ReceivedMessage(messageId, receiptHandle, body, md5OfBody, sentAt, firstReceivedAt, receiveCount,
                groupId, deduplicationId, sequenceNumber, senderId);
    }
}
