package dev.ovha.twin.state.sqs;

import dev.ovha.twin.sim.SeededIds;
import dev.ovha.twin.sim.Sim;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One queue and SQS's delivery rules: a message lives for the retention period whether received or
 * not; a received message is invisible for the visibility timeout and comes back unless deleted; on a
 * FIFO queue a message group delivers in order and nothing more of a group while one of its messages
 * is in flight; a deduplication id seen in the last five minutes is accepted but not enqueued again.
 * Call under the world's lock (through {@link SqsState}).
 */
public final class SqsQueue {

    /** Per-minute counters kept (CloudWatch's one-minute data lives 15 days; a day is plenty for a run). */
    private static final int COUNTER_MINUTES = 24 * 60;

    private final String name;
    private final String url;
    private final String arn;
    private final QueueSettings settings;
    private final Instant createdAt;
    private final Instant trackedSince;
    private final List<SqsMessage> messages = new ArrayList<>();
    private final Map<String, SqsMessage> handles = new HashMap<>();
    private final Map<String, SqsMessage> deduplication = new LinkedHashMap<>();
    private final TreeMap<Instant, MinuteCounts> counters = new TreeMap<>();
    private BigInteger sequence;

    SqsQueue(String name, String url, String arn, QueueSettings settings, Instant createdAt, Instant trackedSince,
             BigInteger firstSequence) {
        this.name = name;
        this.url = url;
        this.arn = arn;
        this.settings = settings;
        this.createdAt = createdAt;
        this.trackedSince = trackedSince;
        this.sequence = firstSequence;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public String arn() {
        return arn;
    }

    public QueueSettings settings() {
        return settings;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The twin never changes a queue's configuration after creation. */
    public Instant lastModifiedAt() {
        return createdAt;
    }

    /** The first minute the twin has counters for: it knows nothing of the time before it started. */
    public Instant trackedSince() {
        return trackedSince;
    }

    SendResult send(Sim sim, SeededIds ids, String body, String groupId, String deduplicationId, String senderId) {
        Instant now = sim.now();
        purge(sim);
        String md5 = hex("MD5", body);
        String dedupId = deduplicationId != null ? deduplicationId
                : settings.contentBasedDeduplication() ? hex("SHA-256", body) : null;
        SqsMessage earlier = dedupId == null ? null : deduplication.get(dedupId);
        if (earlier != null && now.isBefore(earlier.sentAt.plus(QueueSettings.DEDUPLICATION_INTERVAL))) {
            sim.log().record("sqs.deduplicated", name, "messageId", earlier.messageId, "deduplicationId", dedupId);
            return new SendResult(earlier.messageId, md5, earlier.sequenceNumber, true);
        }
        String sequenceNumber = null;
        if (settings.fifo()) {
            sequence = sequence.add(BigInteger.valueOf(1 + ids.nextInt(1 << 16)));
            sequenceNumber = sequence.toString();
        }
        SqsMessage message = new SqsMessage(ids.uuid(), body, md5, groupId, dedupId, sequenceNumber, senderId, now,
                now.plus(settings.delay()), now.plus(settings.retention()));
        messages.add(message);
        if (dedupId != null) {
            deduplication.put(dedupId, message);
        }
        count(now, 1, 0, 0);
        sim.log().record("sqs.sent", name, "messageId", message.messageId, "group", String.valueOf(groupId),
                "body", body);
        // Expire on time even if nobody touches the queue, so the ground-truth log shows when it happened.
        sim.after(settings.retention(), "sqs expiry " + message.messageId, () -> purge(sim));
        return new SendResult(message.messageId, md5, sequenceNumber, false);
    }

    List<ReceivedMessage> receive(Sim sim, SeededIds ids, int max, Duration visibility) {
        Instant now = sim.now();
        purge(sim);
        List<SqsMessage> chosen = settings.fifo() ? nextInGroups(now, max) : nextVisible(now, max);
        List<ReceivedMessage> out = new ArrayList<>();
        for (SqsMessage message : chosen) {
            message.receiveCount++;
            if (message.firstReceivedAt == null) {
                message.firstReceivedAt = now;
            }
            message.visibleAt = now.plus(visibility);
            message.receiptHandle = "AQEB" + ids.hex(96);
            handles.put(message.receiptHandle, message);
            sim.log().record("sqs.received", name, "messageId", message.messageId,
                    "receiveCount", String.valueOf(message.receiveCount));
            out.add(message.received());
        }
        count(now, 0, out.size(), 0);
        return out;
    }

    DeleteOutcome delete(Sim sim, String receiptHandle) {
        Instant now = sim.now();
        purge(sim);
        SqsMessage message = handles.get(receiptHandle);
        if (message == null) {
            return DeleteOutcome.UNKNOWN;
        }
        if (message.removedAt != null) {
            count(now, 0, 0, 1);
            return DeleteOutcome.ALREADY_GONE;
        }
        boolean latest = receiptHandle.equals(message.receiptHandle);
        // A FIFO queue also refuses the latest handle once the message is visible again: it could be
        // handed to another consumer at any moment, and the group's order would break.
        if (!latest || (settings.fifo() && !message.inFlight(now))) {
            return DeleteOutcome.EXPIRED;
        }
        remove(message, now);
        count(now, 0, 0, 1);
        sim.log().record("sqs.deleted", name, "messageId", message.messageId,
                "receiveCount", String.valueOf(message.receiveCount));
        return DeleteOutcome.DELETED;
    }

    /** Messages waiting to be received (ApproximateNumberOfMessages). */
    int visibleCount(Instant now) {
        return (int) messages.stream().filter(m -> m.visible(now)).count();
    }

    /** Messages received and not yet deleted or visible again (ApproximateNumberOfMessagesNotVisible). */
    int inFlightCount(Instant now) {
        return (int) messages.stream().filter(m -> m.inFlight(now)).count();
    }

    /** Every minute from {@link #trackedSince} to now, zeros included, oldest first. */
    List<MinuteCounts> countsPerMinute(Instant now) {
        List<MinuteCounts> out = new ArrayList<>();
        Instant first = trackedSince.truncatedTo(ChronoUnit.MINUTES);
        Instant oldestKept = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(COUNTER_MINUTES - 1));
        if (first.isBefore(oldestKept)) {
            first = oldestKept;
        }
        for (Instant minute = first; !minute.isAfter(now); minute = minute.plus(Duration.ofMinutes(1))) {
            out.add(counters.getOrDefault(minute, MinuteCounts.none(minute)));
        }
        return out;
    }

    /** Drops every message past its retention period, in flight or not, and forgets stale bookkeeping. */
    void purge(Sim sim) {
        Instant now = sim.now();
        for (Iterator<SqsMessage> it = messages.iterator(); it.hasNext(); ) {
            SqsMessage message = it.next();
            if (!now.isBefore(message.expiresAt)) {
                it.remove();
                message.removedAt = now;
                sim.log().record("sqs.expired", name, "messageId", message.messageId,
                        "receiveCount", String.valueOf(message.receiveCount));
            }
        }
        Instant forgetBefore = now.minus(QueueSettings.DEDUPLICATION_INTERVAL);
        deduplication.values().removeIf(m -> m.sentAt.isBefore(forgetBefore));
        handles.values().removeIf(m -> m.removedAt != null && m.removedAt.isBefore(forgetBefore));
        while (counters.size() > COUNTER_MINUTES) {
            counters.pollFirstEntry();
        }
    }

    /** FIFO: per group, in order, only groups with nothing in flight. */
    private List<SqsMessage> nextInGroups(Instant now, int max) {
        Map<String, List<SqsMessage>> groups = new LinkedHashMap<>();
        for (SqsMessage message : messages) {
            groups.computeIfAbsent(message.groupId, g -> new ArrayList<>()).add(message);
        }
        List<SqsMessage> chosen = new ArrayList<>();
        for (List<SqsMessage> group : groups.values()) {
            if (group.stream().anyMatch(m -> m.inFlight(now))) {
                continue;
            }
            for (SqsMessage message : group) {
                if (chosen.size() == max || !message.visible(now)) {
                    break;
                }
                chosen.add(message);
            }
        }
        return chosen;
    }

    private List<SqsMessage> nextVisible(Instant now, int max) {
        return messages.stream().filter(m -> m.visible(now)).limit(max).toList();
    }

    private void remove(SqsMessage message, Instant now) {
        messages.remove(message);
        message.removedAt = now;
    }

    private void count(Instant now, long sent, long received, long deleted) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        counters.merge(minute, MinuteCounts.none(minute).plus(sent, received, deleted),
                (old, add) -> old.plus(add.sent(), add.received(), add.deleted()));
    }

    private static String hex(String algorithm, String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
