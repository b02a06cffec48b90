package dev.ovha.driver;

import dev.ovha.aws.AwsClients;
import dev.ovha.config.Timeouts;
import dev.ovha.eventually.Eventually;
import dev.ovha.report.Evidence;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * A queue's traffic as CloudWatch counts it ({@code AWS/SQS} NumberOfMessagesSent and
 * NumberOfMessagesDeleted, per minute): evidence that events reach the queue and that the masters
 * consume them, without receiving (and so stealing) a single message.
 *
 * <p>The newest minutes are found from what CloudWatch reports, not from this machine's clock: a first request
 * sums the queue's messages per hour over four weeks around our "now", and its newest hour is the stack's
 * current one; the minutes are then asked for around that hour. A skewed local clock, or an emulator whose clock
 * runs faster than ours (the twin at time scale 60 is a day ahead after 24 minutes), never shifts the minutes
 * looked at. The cost is one request more per look.
 */
public final class QueueMetrics {
    /** Where the stack's current hour is looked for: 672 hourly sums, within CloudWatch's 1,440 per request. */
    private static final Duration HOURS_AROUND = Duration.ofDays(14);
    /** The minutes asked for around the stack's newest hour: 180 one-minute sums. */
    private static final Duration MINUTES_BACK = Duration.ofHours(1);
    private static final Duration MINUTES_AHEAD = Duration.ofHours(2);

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
        Instant here = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Optional<Instant> newestHour = sums(queueName, "NumberOfMessagesSent", here.minus(HOURS_AROUND),
                here.plus(HOURS_AROUND), Duration.ofHours(1)).keySet().stream().max(Comparator.naturalOrder());
        if (newestHour.isEmpty()) {
            return new QueueActivity(queueName, List.of());
        }
        Instant from = newestHour.get().minus(MINUTES_BACK);
        Instant to = newestHour.get().plus(MINUTES_AHEAD);
        Map<Instant, Double> sent = sums(queueName, "NumberOfMessagesSent", from, to, Duration.ofMinutes(1));
        Map<Instant, Double> deleted = sums(queueName, "NumberOfMessagesDeleted", from, to, Duration.ofMinutes(1));
        TreeMap<Instant, QueueActivity.Minute> all = new TreeMap<>();
        sent.forEach((t, v) -> all.put(t, new QueueActivity.Minute(t, Math.round(v), Math.round(deleted.getOrDefault(t, 0.0)))));
        deleted.forEach((t, v) -> all.putIfAbsent(t, new QueueActivity.Minute(t, 0, Math.round(v))));
        List<QueueActivity.Minute> newest = new ArrayList<>(all.values());
        return new QueueActivity(queueName, newest.subList(Math.max(0, newest.size() - minutes), newest.size()));
    }

    private Map<Instant, Double> sums(String queueName, String metric, Instant from, Instant to, Duration period) {
        TreeMap<Instant, Double> sums = new TreeMap<>();
        for (Datapoint d : aws.cloudWatch().getMetricStatistics(r -> r.namespace("AWS/SQS").metricName(metric)
                .dimensions(Dimension.builder().name("QueueName").value(queueName).build())
                .startTime(from).endTime(to).period((int) period.toSeconds())
                .statistics(Statistic.SUM)).datapoints()) {
            sums.put(d.timestamp(), d.sum() == null ? 0 : d.sum());
        }
        return sums;
    }
}
