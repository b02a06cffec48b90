package dev.ovha.twin.state.cloudwatch;

import dev.ovha.twin.sim.Sim;
import dev.ovha.twin.state.Ec2State;
import dev.ovha.twin.state.Instance;
import dev.ovha.twin.state.InstanceState;
import dev.ovha.twin.state.sqs.MinuteCounts;
import dev.ovha.twin.state.sqs.SqsQueue;
import dev.ovha.twin.state.sqs.SqsState;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The twin's CloudWatch: one-minute metrics and the stack's alarms.
 * <ul>
 *   <li>{@code AWS/EC2 CPUUtilization} (Percent) by InstanceId, by AutoScalingGroupName, or over all
 *       instances: at every minute boundary each running instance is sampled from the
 *       {@link CpuSource};</li>
 *   <li>{@code AWS/SQS NumberOfMessagesSent/Received/Deleted} (Count) by QueueName: read from the
 *       queues' per-minute counters, one datapoint per minute, zeros included, as SQS reports an active queue.</li>
 * </ul>
 * Alarms are re-evaluated right after each minute's samples; an alarm in ALARM then has its actions
 * executed through {@link AlarmActions} (every minute it stays there), and {@link AlarmListener}s hear
 * of every evaluation. Call under the world's lock.
 */
public final class CloudWatchState {

    public static final String EC2 = "AWS/EC2";
    public static final String SQS = "AWS/SQS";
    public static final String CPU = "CPUUtilization";
    public static final Map<String, ToLongFunction<MinuteCounts>> SQS_COUNTERS = Map.of(
            "NumberOfMessagesSent", MinuteCounts::sent,
            "NumberOfMessagesReceived", MinuteCounts::received,
            "NumberOfMessagesDeleted", MinuteCounts::deleted);

    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** CPU samples kept: a day of one-minute data is more than any run looks back. */
    private static final int CPU_HISTORY_MINUTES = 24 * 60;

    private final Sim sim;
    private final Ec2State ec2;
    private final SqsState sqs;
    private final TreeMap<Instant, List<CpuSample>> cpu = new TreeMap<>();
    private final Map<String, MetricAlarm> alarms = new LinkedHashMap<>();
    private final List<AlarmListener> alarmListeners = new ArrayList<>();
    private AlarmActions alarmActions = (alarm, action) -> { };
    private CpuSource cpuSource;

    public CloudWatchState(Sim sim, Ec2State ec2, SqsState sqs, CpuSource cpuSource) {
        this.sim = sim;
        this.ec2 = ec2;
        this.sqs = sqs;
        this.cpuSource = Objects.requireNonNull(cpuSource);
    }

    public CpuSource cpuSource() {
        return cpuSource;
    }

    /** Replaces the CPU source from the next minute on; wrap {@link #cpuSource()} to change only some instances. */
    public void setCpuSource(CpuSource source) {
        this.cpuSource = Objects.requireNonNull(source);
    }

    /** Who carries out alarm actions; the twin wires it to Auto Scaling's policies. */
    public void setAlarmActions(AlarmActions actions) {
        this.alarmActions = Objects.requireNonNull(actions);
    }

    public void addAlarmListener(AlarmListener listener) {
        alarmListeners.add(listener);
    }

    /** The alarm with this ARN, as a stop condition names it. */
    public Optional<MetricAlarm> alarmByArn(String arn) {
        return alarms.values().stream().filter(a -> a.arn().equals(arn)).findFirst();
    }

    public void addAlarm(MetricAlarm alarm) {
        alarms.put(alarm.name(), alarm);
    }

    public List<MetricAlarm> alarms() {
        return List.copyOf(alarms.values());
    }

    public Optional<MetricAlarm> alarm(String name) {
        return Optional.ofNullable(alarms.get(name));
    }

    /**
     * Starts the minute clock: samples the minute before now (the stack has been running for a while, so
     * its alarms already have a state), evaluates the alarms, then repeats at every minute boundary.
     */
    public void start() {
        Instant now = sim.now();
        Instant boundary = now.truncatedTo(ChronoUnit.MINUTES);
        sample(boundary.minus(MINUTE));
        evaluateAlarms(boundary);
        scheduleTick();
    }

    /** Every CPU sample taken so far, oldest first. */
    public List<CpuSample> cpuSamples() {
        List<CpuSample> all = new ArrayList<>();
        cpu.values().forEach(all::addAll);
        return all;
    }

    /** The datapoints of a metric, one per period that has data, oldest first. Unknown metrics have none. */
    public List<Datapoint> datapoints(MetricQuery query) {
        Optional<Series> series = series(query);
        if (series.isEmpty() || (query.unit() != null && !query.unit().equals(series.get().unit()))) {
            return List.of();
        }
        Instant origin = query.start().truncatedTo(ChronoUnit.MINUTES);
        long period = query.periodSeconds();
        TreeMap<Instant, List<Double>> buckets = new TreeMap<>();
        for (Map.Entry<Instant, Double> sample : series.get().samples()) {
            Instant at = sample.getKey();
            if (at.isBefore(origin) || !at.isBefore(query.end())) {
                continue;
            }
            long index = Duration.between(origin, at).getSeconds() / period;
            buckets.computeIfAbsent(origin.plusSeconds(index * period), k -> new ArrayList<>()).add(sample.getValue());
        }
        List<Datapoint> out = new ArrayList<>();
        buckets.forEach((at, values) -> out.add(Datapoint.of(at, values, series.get().unit())));
        return out;
    }

    private record Series(String unit, List<Map.Entry<Instant, Double>> samples) {
    }

    private Optional<Series> series(MetricQuery q) {
        if (q.namespace().equals(EC2) && q.metricName().equals(CPU)) {
            Map<String, String> d = q.dimensions();
            List<Map.Entry<Instant, Double>> samples = new ArrayList<>();
            for (CpuSample s : cpuSamples()) {
                boolean match = d.isEmpty()
                        || (d.size() == 1 && s.instanceId().equals(d.get("InstanceId")))
                        || (d.size() == 1 && s.groupName() != null && s.groupName().equals(d.get("AutoScalingGroupName")));
                if (match) {
                    samples.add(Map.entry(s.minute(), s.percent()));
                }
            }
            return Optional.of(new Series("Percent", samples));
        }
        ToLongFunction<MinuteCounts> counter = SQS_COUNTERS.get(q.metricName());
        if (q.namespace().equals(SQS) && counter != null && q.dimensions().size() == 1
                && q.dimensions().containsKey("QueueName")) {
            Optional<SqsQueue> queue = sqs.queue(q.dimensions().get("QueueName"));
            if (queue.isEmpty()) {
                return Optional.empty();
            }
            List<Map.Entry<Instant, Double>> samples = new ArrayList<>();
            for (MinuteCounts c : sqs.countsPerMinute(queue.get().name())) {
                samples.add(Map.entry(c.minute(), (double) counter.applyAsLong(c)));
            }
            return Optional.of(new Series("Count", samples));
        }
        return Optional.empty();
    }

    private void tick() {
        Instant boundary = sim.now().truncatedTo(ChronoUnit.MINUTES);
        sample(boundary.minus(MINUTE));
        evaluateAlarms(boundary);
        scheduleTick();
    }

    /**
     * Aims at the next minute boundary itself rather than "a minute from now": on the real-time clock a
     * task runs a little late, and a minute-from-now chain would drift off the boundaries it samples.
     */
    private void scheduleTick() {
        Instant now = sim.now();
        sim.after(Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(MINUTE)), "cloudwatch minute", this::tick);
    }

    /** EC2 publishes a running instance's CPU for the minute that just ended. */
    private void sample(Instant minute) {
        List<CpuSample> samples = new ArrayList<>();
        for (Instance instance : ec2.instances()) {
            if (instance.state() == InstanceState.RUNNING) {
                samples.add(new CpuSample(minute, instance.id(), instance.tags().get("aws:autoscaling:groupName"),
                        cpuSource.percent(instance.id(), minute)));
            }
        }
        cpu.put(minute, List.copyOf(samples));
        while (cpu.size() > CPU_HISTORY_MINUTES) {
            cpu.pollFirstEntry();
        }
    }

    private void evaluateAlarms(Instant boundary) {
        for (MetricAlarm alarm : alarms.values()) {
            Instant from = boundary.minusSeconds((long) alarm.periodSeconds() * alarm.evaluationPeriods());
            List<Datapoint> recent = datapoints(new MetricQuery(alarm.namespace(), alarm.metricName(), alarm.dimensions(),
                    from, boundary, alarm.periodSeconds(), null));
            alarm.evaluate(recent, sim.now()).ifPresent(previous -> sim.log().record("alarm.state", alarm.name(),
                    "from", previous, "to", alarm.stateValue(),
                    "value", recent.isEmpty() ? "none" : String.valueOf(alarm.statistic().of(recent.get(recent.size() - 1)))));
            for (AlarmListener listener : List.copyOf(alarmListeners)) {
                listener.onEvaluated(alarm);
            }
            if (alarm.stateValue().equals(MetricAlarm.ALARM)) {
                alarm.alarmActions().forEach(action -> alarmActions.execute(alarm, action));
            }
        }
    }
}
