package dev.ovha.driver;

import dev.ovha.aws.AwsClients;
import dev.ovha.config.Timeouts;
import dev.ovha.eventually.Eventually;
import dev.ovha.report.Evidence;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * A queue's traffic as CloudWatch counts it ({@code AWS/SQS} NumberOfMessagesSent and
 * NumberOfMessagesDeleted, per minute): evidence that events reach the queue and that the masters
 * consume them, without receiving (and so stealing) a single message.
 *
 * <p>The newest minutes are taken from what CloudWatch reports rather than from this machine's clock: the
 * window asked for reaches well into the future, and only the newest reported minutes count. A skewed
 * local clock (or an emulator whose clock runs faster) then never shifts the minutes looked at.
 */
public final class QueueMetrics {
    /** The window asked for: within CloudWatch's 1,440 datapoints per request at one-minute periods. */
    private static final Duration LOOK_BACK = Duration.ofHours(2);
    private static final Duration LOOK_AHEAD = Duration.ofHours(21);

    private final AwsClients aws;
    private final Evidence evidence;
    private final Timeouts timeouts;

    public QueueMetrics(AwsClients aws, Evidence evidence, Timeouts timeouts) {
        this.aws = aws;
        this.evidence = evidence;
        this.timeouts = timeouts;
    }

    /**
     * The newest {@code minutes} one-minute datapoints of the queue, once CloudWatch has that many (a stack
     * deployed moments ago has not); a queue with no datapoints for that long fails the wait.
     */
    public QueueActivity recent(String queueName, int minutes) {
        QueueActivity activity = Eventually.that(minutes + " minutes of " + queueName + " traffic reported by CloudWatch",
                        timeouts)
                .observing(() -> read(queueName, minutes))
                .describedBy(QueueActivity::summary)
                .until(a -> a.minutes().size() >= minutes);
        evidence.aws("GetMetricStatistics AWS/SQS NumberOfMessagesSent+NumberOfMessagesDeleted", queueName, activity);
        return activity;
    }

    private QueueActivity read(String queueName, int minutes) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Map<Instant, Double> sent = sums(queueName, "NumberOfMessagesSent", now);
        Map<Instant, Double> deleted = sums(queueName, "NumberOfMessagesDeleted", now);
        TreeMap<Instant, QueueActivity.Minute> all = new TreeMap<>();
        sent.forEach((t, v) -> all.put(t, new QueueActivity.Minute(t, Math.round(v), Math.round(deleted.getOrDefault(t, 0.0)))));
        deleted.forEach((t, v) -> all.putIfAbsent(t, new QueueActivity.Minute(t, 0, Math.round(v))));
        List<QueueActivity.Minute> newest = new ArrayList<>(all.values());
        return new QueueActivity(queueName, newest.subList(Math.max(0, newest.size() - minutes), newest.size()));
    }

    private Map<Instant, Double> sums(String queueName, String metric, Instant now) {
        TreeMap<Instant, Double> sums = new TreeMap<>();
        for (Datapoint d : aws.cloudWatch().getMetricStatistics(r -> r.namespace("AWS/SQS").metricName(metric)
                .dimensions(Dimension.builder().name("QueueName").value(queueName).build())
                .startTime(now.minus(LOOK_BACK)).endTime(now.plus(LOOK_AHEAD)).period(60)
                .statistics(Statistic.SUM)).datapoints()) {
            sums.put(d.timestamp(), d.sum() == null ? 0 : d.sum());
        }
        return sums;
    }
}
