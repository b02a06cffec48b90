package dev.ovha.selftest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * {@code reports/selftest/fault-matrix.json}: one row per scenario and fault it was run under, with what
 * was expected and observed. Each scenario has a row with fault {@code none}, which must pass, and one per
 * pair, which must fail with its fragment; a scenario nobody paired gets a row with no fault, observed
 * {@code skipped}. Rows are kept in a fixed order (feature, line, healthy row first, pairs as listed) so that
 * two runs' files compare line by line.
 */
final class FaultMatrix {
    static final String FILE = "fault-matrix.json";
    static final String NO_FAULT = "none";

    /** One row of the matrix. {@code fragment} is null on the no-fault rows. */
    @JsonPropertyOrder({"scenario", "feature", "line", "name", "tags", "fault", "settings", "expected", "observed",
            "message", "fragment", "fragmentFound"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(String scenario, String feature, int line, String name, List<String> tags, String fault,
               Map<String, String> settings, String expected, String observed, String message, String fragment,
               Boolean fragmentFound) {

        static Row healthy(ScenarioSource s, ScenarioOutcome outcome) {
            return new Row(label(s), s.feature(), s.line(), s.name(), s.tags(), NO_FAULT, Map.of(), "passed",
                    outcome.verdict(), outcome.message(), null, null);
        }

        static Row underFault(ScenarioSource s, FaultPairingTest.Pair pair, ScenarioOutcome outcome) {
            String faults = pair.faults().isEmpty() ? NO_FAULT
                    : String.join("+", pair.faults().stream().map(f -> f.id()).sorted().toList());
            return new Row(label(s), s.feature(), s.line(), s.name(), s.tags(), faults, new TreeMap<>(pair.settings()),
                    "failed", outcome.verdict(), outcome.message(), pair.fragment(),
                    outcome.message().contains(pair.fragment()));
        }

        static Row unpaired(ScenarioSource s) {
            return new Row(label(s), s.feature(), s.line(), s.name(), s.tags(), null, Map.of(), "failed", "skipped",
                    "no fault breaks this scenario: add a Pair to FaultPairingTest.PAIRS", null, null);
        }

        private static String label(ScenarioSource s) {
            return s.feature() + ": " + s.name();
        }
    }

    /** Sort key: where the scenario is written, then 0 for its healthy row and 1 + the pair's index for the others. */
    private record Key(String feature, int line, String name, int order) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = feature.compareTo(o.feature);
            c = c != 0 ? c : Integer.compare(line, o.line);
            c = c != 0 ? c : name.compareTo(o.name);
            return c != 0 ? c : Integer.compare(order, o.order);
        }
    }

    private final ConcurrentSkipListMap<Key, Row> rows = new ConcurrentSkipListMap<>();

    void add(ScenarioSource s, int order, Row row) {
        rows.put(new Key(s.feature(), s.line(), s.name(), order), row);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    Path write() {
        return SelftestReport.write(FILE, List.copyOf(rows.values()));
    }
}
