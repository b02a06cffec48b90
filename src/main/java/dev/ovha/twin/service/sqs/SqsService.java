package dev.ovha.twin.service.sqs;

import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.AwsInput;
import dev.ovha.twin.protocol.JsonCodec;
import dev.ovha.twin.protocol.Page;
import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.service.JsonService;
import dev.ovha.twin.state.World;
import dev.ovha.twin.state.sqs.DeleteOutcome;
import dev.ovha.twin.state.sqs.ReceivedMessage;
import dev.ovha.twin.state.sqs.SendResult;
import dev.ovha.twin.state.sqs.SqsQueue;
import dev.ovha.twin.state.sqs.SqsState;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQS over AWS JSON 1.0 (awsQueryCompatible): queue discovery and attributes, and send / receive /
 * delete under the same rules the replication-manager model gets through {@link SqsState}. Long polling
 * is not emulated: a receive answers at once, as with WaitTimeSeconds=0.
 */
public final class SqsService extends JsonService {

    private static final JsonCodec CODEC = JsonCodec.of("1.0")
            .queryCompatible(Map.of("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue"));
    /** Who the twin says sent a message through the API (STS GetCallerIdentity's UserId). */
    private static final String API_SENDER = "AIDAOVHATWIN00000001";

    private final int pageSize;

    public SqsService(int pageSize) {
        super("sqs", "AmazonSQS", "SQS", CODEC);
        this.pageSize = pageSize;
        operation("GetQueueUrl", this::getQueueUrl);
        operation("GetQueueAttributes", this::getQueueAttributes);
        operation("ListQueues", this::listQueues);
        operation("SendMessage", this::sendMessage);
        operation("ReceiveMessage", this::receiveMessage);
        operation("DeleteMessage", this::deleteMessage);
    }

    private Struct getQueueUrl(AwsInput in, World world) {
        String name = required(in, "QueueName");
        Optional<String> owner = in.string("QueueOwnerAWSAccountId");
        SqsQueue queue = world.sqs().queue(name)
                .filter(q -> owner.map(o -> o.equals(world.sim().account().id())).orElse(true))
                .orElseThrow(SqsService::noSuchQueue);
        return Struct.of().put("QueueUrl", queue.url());
    }

    private Struct getQueueAttributes(AwsInput in, World world) {
        SqsQueue queue = queue(in, world);
        SqsState sqs = world.sqs();
        Struct attributes = SqsShapes.queueAttributes(queue, sqs.visibleCount(queue.name()), sqs.inFlightCount(queue.name()),
                in.strings("AttributeNames"));
        return Struct.of().put("Attributes", attributes);
    }

    /** Without MaxResults SQS lists everything (up to 1000) in one answer; with it, it pages. */
    private Struct listQueues(AwsInput in, World world) {
        String prefix = in.string("QueueNamePrefix").orElse("");
        Optional<Integer> max = in.integer("MaxResults");
        max.filter(m -> m < 1 || m > 1000).ifPresent(m -> {
            throw invalidValue(String.valueOf(m), "MaxResults", "MaxResults must be an integer between 1 and 1000.");
        });
        List<String> urls = world.sqs().queues().stream().filter(q -> q.name().startsWith(prefix)).map(SqsQueue::url).toList();
        if (max.isEmpty()) {
            return Struct.of().put("QueueUrls", urls.isEmpty() ? null : urls);
        }
        Page<String> page = Page.of(urls, in.string("NextToken"), max, pageSize,
                token -> invalidValue(token, "NextToken", "Invalid or expired next token."));
        return Struct.of().put("QueueUrls", page.items()).put("NextToken", page.nextToken());
    }

    private Struct sendMessage(AwsInput in, World world) {
        SqsQueue queue = queue(in, world);
        String body = required(in, "MessageBody");
        Optional<String> group = in.string("MessageGroupId");
        Optional<String> dedup = in.string("MessageDeduplicationId");
        int delay = in.integer("DelaySeconds").orElse(0);
        if (in.struct("MessageAttributes").isPresent()) {
            throw AwsError.badRequest("UnsupportedOperation", "The ovha twin does not store message attributes; "
                    + "send the message without MessageAttributes");
        }
        int size = body.getBytes(StandardCharsets.UTF_8).length;
        if (size > queue.settings().maximumMessageSize()) {
            throw AwsError.badRequest("InvalidParameterValue", "One or more parameters are invalid. Reason: Message must be shorter than "
                    + queue.settings().maximumMessageSize() + " bytes.");
        }
        if (queue.settings().fifo()) {
            group.orElseThrow(() -> missing("MessageGroupId"));
            if (delay != 0) {
                throw invalidValue(String.valueOf(delay), "DelaySeconds",
                        "The request include parameter that is not valid for this queue type.");
            }
            if (dedup.isEmpty() && !queue.settings().contentBasedDeduplication()) {
                throw AwsError.badRequest("InvalidParameterValue", "The queue should either have ContentBasedDeduplication "
                        + "enabled or MessageDeduplicationId provided explicitly");
            }
        } else if (delay != 0) {
            throw AwsError.badRequest("UnsupportedOperation", "The ovha twin does not delay messages (DelaySeconds " + delay + ")");
        }
        SendResult sent = world.sqs().send(queue.name(), body, group.orElse(null), dedup.orElse(null), API_SENDER);
        return Struct.of()
                .put("MD5OfMessageBody", sent.md5OfBody())
                .put("MessageId", sent.messageId())
                .put("SequenceNumber", sent.sequenceNumber());
    }

    private Struct receiveMessage(AwsInput in, World world) {
        SqsQueue queue = queue(in, world);
        int max = in.integer("MaxNumberOfMessages").orElse(1);
        if (max < 1 || max > 10) {
            throw invalidValue(String.valueOf(max), "MaxNumberOfMessages", "Must be between 1 and 10, if provided.");
        }
        int visibility = in.integer("VisibilityTimeout").orElse((int) queue.settings().visibilityTimeout().toSeconds());
        if (visibility < 0 || visibility > 43_200) {
            throw invalidValue(String.valueOf(visibility), "VisibilityTimeout", "Must be >= 0 and <= 43200, if provided.");
        }
        int wait = in.integer("WaitTimeSeconds").orElse(0);
        if (wait < 0 || wait > 20) {
            throw invalidValue(String.valueOf(wait), "WaitTimeSeconds", "Must be >= 0 and <= 20, if provided.");
        }
        List<String> attributes = new ArrayList<>(in.strings("AttributeNames"));
        attributes.addAll(in.strings("MessageSystemAttributeNames"));
        List<ReceivedMessage> messages = world.sqs().receive(queue.name(), max, Duration.ofSeconds(visibility));
        List<Struct> shaped = messages.stream().map(m -> SqsShapes.message(m, attributes)).toList();
        return Struct.of().put("Messages", shaped.isEmpty() ? null : shaped);
    }

    private Struct deleteMessage(AwsInput in, World world) {
        SqsQueue queue = queue(in, world);
        String handle = required(in, "ReceiptHandle");
        DeleteOutcome outcome = world.sqs().delete(queue.name(), handle);
        switch (outcome) {
            case UNKNOWN -> throw AwsError.badRequest("ReceiptHandleIsInvalid",
                    "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
            case EXPIRED -> {
                // A standard queue answers success and keeps the message; a FIFO queue refuses.
                if (queue.settings().fifo()) {
                    throw invalidValue(handle, "ReceiptHandle", "The receipt handle has expired.");
                }
            }
            default -> {
                // DELETED, ALREADY_GONE: success
            }
        }
        return null;
    }

    private static SqsQueue queue(AwsInput in, World world) {
        return world.sqs().queueByUrl(required(in, "QueueUrl")).orElseThrow(SqsService::noSuchQueue);
    }

    /** SQS words a missing parameter its own (query-era) way rather than the JSON front end's. */
    private static String required(AwsInput in, String name) {
        return in.string(name).filter(s -> !s.isEmpty()).orElseThrow(() -> missing(name));
    }

    private static AwsError missing(String name) {
        return AwsError.badRequest("MissingParameter", "The request must contain the parameter " + name + ".");
    }

    private static AwsError invalidValue(String value, String parameter, String reason) {
        return AwsError.badRequest("InvalidParameterValue", "Value " + value + " for parameter " + parameter
                + " is invalid. Reason: " + reason);
    }

    private static AwsError noSuchQueue() {
        return AwsError.badRequest("QueueDoesNotExist", "The specified queue does not exist.");
    }
}
