package dev.ovha.twin.state.sqs;

/**
 * The outcome of a send. A duplicate (same deduplication id within five minutes) is accepted like AWS
 * accepts it — success, the original message's id — but does not enter the queue again.
 */
public record SendResult(String messageId, String md5OfBody, String sequenceNumber, boolean duplicate) {
}
