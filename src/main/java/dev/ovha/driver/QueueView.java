package dev.ovha.driver;

import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An SQS queue and its attributes as GetQueueAttributes reports them (all values are text, as in SQS).
 *
 * @param url        queue URL
 * @param attributes every attribute: FifoQueue, ContentBasedDeduplication, MessageRetentionPeriod,
 *                   VisibilityTimeout, QueueArn, Policy, ...
 */
public record QueueView(String url, SortedMap<String, String> attributes) {
    public QueueView {
        attributes = new TreeMap<>(attributes);
    }

    public String name() {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public String arn() {
        return attribute("QueueArn").orElse("");
    }
}
