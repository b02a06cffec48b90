package dev.ovha.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How long after the stack reached a state the harness said so: for every wait that was met, its verdict
 * time minus the moment its condition became true by the twin's ground truth (or, when it was already
 * true before the wait began, minus the wait's start: the harness cannot notice before it looks).
 *
 * <p>The event is the latest one of the rule's kind before the verdict, narrowed to the subjects the wait
 * names (an instance id, a session id) when it names any and the rule does not say the named one is a
 * fault's victim: "every master restarted" became true with the last master's restart, "master group whole
 * again after losing i-X" with the replacement's {@code target.healthy}.
 */
final class VerdictLag {

    /** One wait compared with the ground truth. */
    record Sample(String waitName, String condition, String event, String subject, Instant truth, Instant verdict,
                  boolean heldBeforeTheWait, long lagMillis) {
    }

    /** A met wait the ground truth could not place, and why. */
    record Unmatched(String waitName, String reason) {
    }

    record Result(List<Sample> samples, List<Unmatched> unmatched) {
        List<Long> lags() {
            return samples.stream().map(Sample::lagMillis).sorted().toList();
        }
    }

    private VerdictLag() {
    }

    static Result of(List<SuiteRunResult> runs) {
        List<Sample> samples = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        for (SuiteRunResult run : runs) {
            for (SuiteRunResult.Wait wait : run.waits()) {
                if (!wait.met()) {
                    continue;
                }
                Optional<GroundTruthRule> rule = GroundTruthRule.forWait(wait.name());
                if (rule.isEmpty()) {
                    unmatched.add(new Unmatched(wait.name(), "no rule names its ground-truth event"));
                    continue;
                }
                if (rule.get().event().isEmpty()) {
                    unmatched.add(new Unmatched(wait.name(), rule.get().condition()));
                    continue;
                }
                match(wait, rule.get(), run.events()).ifPresentOrElse(samples::add, () -> unmatched.add(
                        new Unmatched(wait.name(), "no " + rule.get().condition() + " event before the verdict")));
            }
        }
        return new Result(samples, unmatched);
    }

    static Optional<Sample> match(SuiteRunResult.Wait wait, GroundTruthRule rule, List<SuiteRunResult.Event> events) {
        List<SuiteRunResult.Event> candidates = events.stream()
                .filter(rule.event().orElseThrow())
                .filter(e -> !e.realTime().isAfter(wait.ended()))
                .toList();
        List<SuiteRunResult.Event> named = rule.narrow()
                ? candidates.stream().filter(e -> names(wait.name(), e.subject())).toList() : List.of();
        return (named.isEmpty() ? candidates : named).stream()
                .max(Comparator.comparing(SuiteRunResult.Event::realTime).thenComparing(SuiteRunResult.Event::seq))
                .map(event -> {
                    boolean before = event.realTime().isBefore(wait.started());
                    Instant truth = before ? wait.started() : event.realTime();
                    return new Sample(wait.name(), rule.condition(), event.type(), event.subject(), truth, wait.ended(),
                            before, Duration.between(truth, wait.ended()).toMillis());
                });
    }

    /** Whether the wait's name mentions the subject as a whole word (i-0ab is not mentioned by i-0abc). */
    static boolean names(String waitName, String subject) {
        return !subject.isBlank() && Pattern.compile("(?<![\\w-])" + Pattern.quote(subject) + "(?![\\w-])")
                .matcher(waitName).find();
    }

    /** The nearest-rank percentile of sorted values; 0 when there are none. */
    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
