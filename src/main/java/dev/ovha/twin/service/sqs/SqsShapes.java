package dev.ovha.twin.service.sqs;

import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.state.sqs.QueueSettings;
import dev.ovha.twin.state.sqs.ReceivedMessage;
import dev.ovha.twin.state.sqs.SqsQueue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQS output shapes. Queue and message attributes are maps of name to STRING — numbers and booleans
 * included — which is why every value below goes through {@code String.valueOf}.
 */
final class SqsShapes {

    /** Queue attribute names SQS knows; those the twin's queues do not have (no DLQ, no KMS) are simply absent. */
    private static final Set<String> KNOWN_QUEUE_ATTRIBUTES = Set.of("All", "Policy", "VisibilityTimeout",
            "MaximumMessageSize", "MessageRetentionPeriod", "ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesNotVisible", "CreatedTimestamp", "LastModifiedTimestamp", "QueueArn",
            "ApproximateNumberOfMessagesDelayed", "DelaySeconds", "ReceiveMessageWaitTimeSeconds", "RedrivePolicy",
            "FifoQueue", "ContentBasedDeduplication", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds",
            "DeduplicationScope", "FifoThroughputLimit", "RedriveAllowPolicy", "SqsManagedSseEnabled");

    private static final Set<String> KNOWN_MESSAGE_ATTRIBUTES = Set.of("All", "SenderId", "SentTimestamp",
            "ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp", "SequenceNumber", "MessageDeduplicationId",
            "MessageGroupId", "AWSTraceHeader", "DeadLetterQueueSourceArn");

    private SqsShapes() {
    }

    /** The requested queue attributes, or null when none were asked for (SQS then leaves the member out). */
    static Struct queueAttributes(SqsQueue queue, int visible, int inFlight, List<String> requested) {
        requested.stream().filter(n -> !KNOWN_QUEUE_ATTRIBUTES.contains(n)).findFirst().ifPresent(n -> {
            throw AwsError.badRequest("InvalidAttributeName", "Unknown Attribute " + n + ".");
        });
        QueueSettings s = queue.settings();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("QueueArn", queue.arn());
        all.put("ApproximateNumberOfMessages", visible);
        all.put("ApproximateNumberOfMessagesNotVisible", inFlight);
        all.put("ApproximateNumberOfMessagesDelayed", 0);
        all.put("CreatedTimestamp", queue.createdAt().getEpochSecond());
        all.put("LastModifiedTimestamp", queue.lastModifiedAt().getEpochSecond());
        all.put("VisibilityTimeout", s.visibilityTimeout().toSeconds());
        all.put("MaximumMessageSize", s.maximumMessageSize());
        all.put("MessageRetentionPeriod", s.retention().toSeconds());
        all.put("DelaySeconds", s.delay().toSeconds());
        all.put("Policy", s.policy());
        all.put("ReceiveMessageWaitTimeSeconds", s.receiveWaitTime().toSeconds());
        all.put("SqsManagedSseEnabled", true);
        if (s.fifo()) {
            all.put("FifoQueue", true);
            all.put("ContentBasedDeduplication", s.contentBasedDeduplication());
            all.put("DeduplicationScope", "queue");
            all.put("FifoThroughputLimit", "perQueue");
        }
        return pick(all, requested);
    }

    static Struct message(ReceivedMessage m, List<String> requestedAttributes) {
        requestedAttributes.stream().filter(n -> !KNOWN_MESSAGE_ATTRIBUTES.contains(n)).findFirst().ifPresent(n -> {
            throw AwsError.badRequest("InvalidAttributeName", "Unknown Attribute " + n + ".");
        });
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("SenderId", m.senderId());
        all.put("SentTimestamp", m.sentAt().toEpochMilli());
        all.put("ApproximateReceiveCount", m.receiveCount());
        all.put("ApproximateFirstReceiveTimestamp", m.firstReceivedAt().toEpochMilli());
        all.put("SequenceNumber", m.sequenceNumber());
        all.put("MessageDeduplicationId", m.deduplicationId());
        all.put("MessageGroupId", m.groupId());
        return Struct.of()
                .put("MessageId", m.messageId())
                .put("ReceiptHandle", m.receiptHandle())
                .put("MD5OfBody", m.md5OfBody())
                .put("Body", m.body())
                .put("Attributes", pick(all, requestedAttributes));
    }

    private static Struct pick(Map<String, Object> all, List<String> requested) {
        if (requested.isEmpty()) {
            return null;
        }
        Struct out = Struct.of();
        all.forEach((name, value) -> {
            if (value != null && (requested.contains("All") || requested.contains(name))) {
                out.put(name, String.valueOf(value));
            }
        });
        return out;
    }
}
