package dev.ovha.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;

/**
 * A Cucumber plugin for the console: one line per scenario with its verdict, the defect's first line
 * under a failed one, and the count of each verdict at the end.
 */
public final class ConsoleVerdicts implements ConcurrentEventListener {
    private final PrintStream out = System.out;
    private final Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(TestRunFinished.class, event -> summary());
    }

    private synchronized void finished(TestCaseFinished event) {
        Verdict verdict = Verdict.of(event.getResult());
        counts.merge(verdict, 1, Integer::sum);
        String tags = String.join(" ", event.getTestCase().getTags());
        out.printf("%-8s %s  (%s)%n", verdict.name(), event.getTestCase().getName(), tags);
        if (verdict != Verdict.PASSED && event.getResult().getError() != null) {
            String message = String.valueOf(event.getResult().getError().getMessage());
            message.lines().limit(verdict == Verdict.FAILED ? 6 : 1).forEach(line -> out.println("         " + line));
        }
    }

    private synchronized void summary() {
        StringBuilder line = new StringBuilder("ovha verdicts:");
        for (Verdict verdict : Verdict.values()) {
            line.append(' ').append(counts.getOrDefault(verdict, 0)).append(' ').append(verdict.name().toLowerCase())
                    .append(verdict == Verdict.PASSED ? "" : " (" + verdict.meaning() + ")").append(',');
        }
        line.setLength(line.length() - 1);
        out.println(line);
    }
}
