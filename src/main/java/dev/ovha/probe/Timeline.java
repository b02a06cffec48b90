package dev.ovha.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the availability prober saw: every request, the markers, and the analysis a scenario asserts on
 * (success ratio, error windows) and the chart draws (100 ms buckets). Immutable.
 *
 * @param url      what was requested (no credentials in it)
 * @param interval time between two requests (1 / rate)
 * @param start    when probing started; bucket 0 starts here
 * @param end      when probing stopped
 * @param samples  every request, in the order sent
 * @param markers  moments worth a vertical line, in time order
 */
public record Timeline(String url, Duration interval, Instant start, Instant end, List<ProbeSample> samples,
                       List<TimelineMarker> markers) {
    public static final Duration BUCKET = Duration.ofMillis(100);
    /** Failures closer than this (or five request intervals, if longer) belong to one error window. */
    static final Duration MIN_MERGE_GAP = Duration.ofMillis(500);

    public Timeline {
        samples = samples.stream().sorted(Comparator.comparing(ProbeSample::start)
                .thenComparingLong(ProbeSample::seq)).toList();
        markers = markers.stream().sorted(Comparator.comparing(TimelineMarker::at)).toList();
    }

    public int requests() {
        return samples.size();
    }

    public int successes() {
        return (int) samples.stream().filter(ProbeSample::ok).count();
    }

    /** Successful requests per request, 1.0 when nothing was sent (nothing failed). */
    public double successRatio() {
        return samples.isEmpty() ? 1.0 : (double) successes() / samples.size();
    }

    /** The gap that separates two error windows: five request intervals, at least 500 ms. */
    public Duration mergeGap() {
        Duration five = interval.multipliedBy(5);
        return five.compareTo(MIN_MERGE_GAP) > 0 ? five : MIN_MERGE_GAP;
    }

    public List<ErrorWindow> errorWindows() {
        return errorWindows(mergeGap());
    }

    /**
     * Windows of failure, oldest first: a window opens at a failed request's start and takes in every later
     * failure that starts within {@code gap} of the previous failure's end; it ends at its last failure's end.
     */
    public List<ErrorWindow> errorWindows(Duration gap) {
        List<ErrorWindow> windows = new ArrayList<>();
        Instant open = null;
        Instant lastEnd = null;
        int failures = 0;
        for (ProbeSample sample : samples) {
            if (sample.ok()) {
                continue;
            }
            if (open != null && sample.start().isAfter(lastEnd.plus(gap))) {
                windows.add(window(open, lastEnd, failures));
                open = null;
            }
            if (open == null) {
                open = sample.start();
                lastEnd = sample.end();
                failures = 0;
            }
            failures++;
            lastEnd = sample.end().isAfter(lastEnd) ? sample.end() : lastEnd;
        }
        if (open != null) {
            windows.add(window(open, lastEnd, failures));
        }
        return windows;
    }

    /** The longest error window; the earliest of equally long ones. */
    public Optional<ErrorWindow> longestErrorWindow() {
        return errorWindows().stream().reduce((a, b) -> b.duration().compareTo(a.duration()) > 0 ? b : a);
    }

    /** Requests per answering {@code AWS_INSTANCE_ID}, in id order. */
    public Map<String, Integer> instanceMix() {
        Map<String, Integer> mix = new TreeMap<>();
        samples.stream().filter(s -> s.instanceId() != null).forEach(s -> mix.merge(s.instanceId(), 1, Integer::sum));
        return mix;
    }

    /** Requests per outcome: {@code 200}, {@code 502}, {@code timeout}… */
    public Map<String, Integer> outcomes() {
        Map<String, Integer> counts = new TreeMap<>();
        samples.forEach(s -> counts.merge(s.outcome(), 1, Integer::sum));
        return counts;
    }

    /** Every {@link #BUCKET} from start to end, empty ones included, so the chart's x axis is time. */
    public List<Bucket> buckets() {
        return buckets(BUCKET);
    }

    public List<Bucket> buckets(Duration width) {
        long widthNanos = width.toNanos();
        int count = (int) Math.max(1, (Duration.between(start, end).toNanos() + widthNanos - 1) / widthNanos);
        List<List<ProbeSample>> slices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slices.add(new ArrayList<>());
        }
        for (ProbeSample sample : samples) {
            long offset = Duration.between(start, sample.start()).toNanos();
            int index = (int) Math.min(count - 1, Math.max(0, offset / widthNanos));
            slices.get(index).add(sample);
        }
        List<Bucket> buckets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            buckets.add(bucket(i, start.plusNanos(i * widthNanos), slices.get(i)));
        }
        return buckets;
    }

    /** The numbers a report shows and a scenario asserts on. */
    public TimelineSummary summary() {
        return new TimelineSummary(url, start, end, requests(), successes(), successRatio(), mergeGap().toMillis(),
                longestErrorWindow().orElse(null), errorWindows(), outcomes(), instanceMix());
    }

    private ErrorWindow window(Instant open, Instant close, int failures) {
        int within = (int) samples.stream()
                .filter(s -> !s.start().isBefore(open) && !s.start().isAfter(close)).count();
        return new ErrorWindow(open, close, failures, within);
    }

    private static Bucket bucket(int index, Instant start, List<ProbeSample> slice) {
        Map<String, Integer> instances = new TreeMap<>();
        slice.stream().filter(s -> s.instanceId() != null).forEach(s -> instances.merge(s.instanceId(), 1, Integer::sum));
        if (slice.isEmpty()) {
            return new Bucket(index, start, 0, 0, null, null, instances);
        }
        double mean = slice.stream().mapToDouble(ProbeSample::latencyMillis).average().orElseThrow();
        double max = slice.stream().mapToDouble(ProbeSample::latencyMillis).max().orElseThrow();
        int ok = (int) slice.stream().filter(ProbeSample::ok).count();
        return new Bucket(index, start, slice.size(), ok, mean, max, instances);
    }
}
