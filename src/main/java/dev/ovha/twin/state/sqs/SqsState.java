package dev.ovha.twin.state.sqs;

import dev.ovha.twin.sim.SeededIds;
import dev.ovha.twin.sim.Sim;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The twin's SQS: the stack's queues and a plain Java API over them, for the SQS service and for the
 * masters' replication-manager model, which consumes the stack's FIFO queue without going through
 * HTTP. Everything here must be called under the world's lock (from a clock task, a service handler,
 * or {@code Twin.inWorld}).
 *
 * <p>Ids, receipt handles and sequence numbers come from the queue system's own seeded generator, so
 * that message traffic does not shift the instance ids a scenario sees.
 */
public final class SqsState {

    private final Sim sim;
    private final SeededIds ids;
    private final Map<String, SqsQueue> queues = new LinkedHashMap<>();

    public SqsState(Sim sim, SeededIds ids) {
        this.sim = sim;
        this.ids = ids;
    }

    /** Creates a queue (the seed creates the stack's); its URL and ARN follow AWS's forms for the twin's account. */
    public SqsQueue create(String name, QueueSettings settings, Instant createdAt) {
        if (queues.containsKey(name)) {
            throw new IllegalArgumentException("queue " + name + " already exists");
        }
        if (settings.fifo() != name.endsWith(".fifo")) {
            throw new IllegalArgumentException("a FIFO queue's name must end in .fifo, and only a FIFO queue's: " + name);
        }
        String account = sim.account().id();
        String url = "https://sqs." + sim.account().region() + ".amazonaws.com/" + account + "/" + name;
        SqsQueue queue = new SqsQueue(name, url, sim.account().arn("sqs", name), settings, createdAt,
                sim.now().truncatedTo(ChronoUnit.MINUTES), new BigInteger("18" + ids.digits(18)));
        queues.put(name, queue);
        sim.log().record("sqs.created", name, "url", url);
        return queue;
    }

    public List<SqsQueue> queues() {
        return List.copyOf(queues.values());
    }

    public Optional<SqsQueue> queue(String name) {
        return Optional.ofNullable(queues.get(name));
    }

    /**
     * By queue URL. Only the account and the name in the path count: SDKs send the call to their own
     * endpoint whatever host the URL names, so a URL from another endpoint still names the same queue.
     */
    public Optional<SqsQueue> queueByUrl(String url) {
        String[] path = url.replaceFirst("^[a-zA-Z]+://[^/]*", "").split("/");
        if (path.length < 3 || !path[path.length - 2].equals(sim.account().id())) {
            return Optional.empty();
        }
        return queue(path[path.length - 1]);
    }

    public Optional<SqsQueue> queueByArn(String arn) {
        return queues.values().stream().filter(q -> q.arn().equals(arn)).findFirst();
    }

    /**
     * Sends a message. On a FIFO queue {@code groupId} is required; {@code deduplicationId} may be null
     * when the queue deduplicates by content.
     */
    public SendResult send(String queueName, String body, String groupId, String deduplicationId, String senderId) {
        SqsQueue queue = require(queueName);
        if (queue.settings().fifo() && groupId == null) {
            throw new IllegalArgumentException("a message to FIFO queue " + queueName + " needs a message group id");
        }
        if (queue.settings().fifo() && deduplicationId == null && !queue.settings().contentBasedDeduplication()) {
            throw new IllegalArgumentException("FIFO queue " + queueName
                    + " has no content-based deduplication: a message needs a deduplication id");
        }
        return queue.send(sim, ids, body, groupId, deduplicationId, senderId);
    }

    /**
     * Receives the next message, if any, with the queue's own visibility timeout: the one call the
     * replication-manager model needs. Respects retention, visibility and FIFO group order.
     */
    public Optional<ReceivedMessage> receive(String queueName) {
        SqsQueue queue = require(queueName);
        return receive(queueName, 1, queue.settings().visibilityTimeout()).stream().findFirst();
    }

    /** Receives up to {@code max} (1..10) messages, each invisible to others for {@code visibility}. */
    public List<ReceivedMessage> receive(String queueName, int max, Duration visibility) {
        if (max < 1 || max > 10) {
            throw new IllegalArgumentException("receive takes 1 to 10 messages at a time, not " + max);
        }
        return require(queueName).receive(sim, ids, max, visibility);
    }

    /** Deletes a received message by the receipt handle of its latest receive. */
    public DeleteOutcome delete(String queueName, String receiptHandle) {
        return require(queueName).delete(sim, receiptHandle);
    }

    /** ApproximateNumberOfMessages: messages waiting to be received. */
    public int visibleCount(String queueName) {
        SqsQueue queue = require(queueName);
        queue.purge(sim);
        return queue.visibleCount(sim.now());
    }

    /** ApproximateNumberOfMessagesNotVisible: messages in flight. */
    public int inFlightCount(String queueName) {
        SqsQueue queue = require(queueName);
        queue.purge(sim);
        return queue.inFlightCount(sim.now());
    }

    /** Sent, received and deleted per virtual minute since the twin started, oldest first, zeros included. */
    public List<MinuteCounts> countsPerMinute(String queueName) {
        return require(queueName).countsPerMinute(sim.now());
    }

    /** The counters of the minute that contains {@code at}. */
    public MinuteCounts counts(String queueName, Instant at) {
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        return countsPerMinute(queueName).stream().filter(c -> c.minute().equals(minute)).findFirst()
                .orElse(MinuteCounts.none(minute));
    }

    private SqsQueue require(String queueName) {
        SqsQueue queue = queues.get(queueName);
        if (queue == null) {
            throw new NoSuchElementException("the twin has no SQS queue named " + queueName + "; it has " + queues.keySet());
        }
        return queue;
    }
}
