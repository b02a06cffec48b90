package dev.ovha.bench;

import dev.ovha.eventually.WaitOutcome;
import dev.ovha.twin.sim.TwinEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one suite run in a child JVM hands back to the benchmark: the verdict counts, the AWS calls the
 * twin answered, how every wait ended, and the twin's ground truth. Real times throughout, from the child's
 * clock (the twin ran in the same JVM, so waits and events share it).
 *
 * @param tags     the tag expression the run selected (empty: every scenario)
 * @param masters  the twin's master count
 * @param media    the twin's media-node count
 * @param verdicts scenarios per verdict (passed, failed, broken, skipped)
 * @param problems one line per scenario that did not pass, and the run's own failure if any
 * @param scenarioMillis how long each scenario took, in the order they ended
 * @param awsCalls AWS API requests the twin's endpoint answered during the run
 * @param waits    every wait of the run, in the order they ended
 * @param events   the twin's ground-truth log
 */
record SuiteRunResult(String tags, int masters, int media, Map<String, Integer> verdicts, List<String> problems,
                      Map<String, Long> scenarioMillis, long awsCalls, List<Wait> waits, List<Event> events) {

    /** One wait's outcome as the harness reached it. */
    record Wait(String name, Instant started, Instant ended, String result, int observations, long pollIntervalMillis) {
        static Wait of(WaitOutcome outcome) {
            return new Wait(outcome.name(), outcome.started(), outcome.ended(), outcome.result().name(),
                    outcome.observations(), outcome.pollInterval().toMillis());
        }

        boolean met() {
            return WaitOutcome.Result.MET.name().equals(result);
        }
    }

    /** One ground-truth event: what became true in the twin, for what, and when (real time). */
    record Event(long seq, String type, String subject, Instant realTime, Map<String, String> details) {
        static Event of(TwinEvent event) {
            return new Event(event.seq(), event.type(), event.subject(), event.realTime(), event.details());
        }
    }

    int count(String verdict) {
        return verdicts.getOrDefault(verdict, 0);
    }

    /** True when every selected scenario passed or was skipped and the run itself did not fail. */
    boolean clean() {
        return problems.isEmpty();
    }
}
