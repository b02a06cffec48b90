package dev.ovha.selftest;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a run's output that tell the user something is wrong. A bad input must produce exactly one.
 * For the suite: everything on stderr but the log's INFO lines, and each scenario that failed or broke, as
 * its verdict line and the first line of its message (the console prints them one under the other). For a
 * script such as {@code lint-parameters}, whose every line is a finding: every non-blank line.
 */
final class ProblemLines {
    private ProblemLines() {
    }

    static List<String> ofSuite(ChildJvm.Result result) {
        List<String> problems = new ArrayList<>();
        result.stderr().stream().filter(l -> !l.isBlank() && !l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO .*"))
                .forEach(problems::add);
        List<String> out = result.stdout();
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).startsWith("FAILED") || out.get(i).startsWith("BROKEN")) {
                String message = i + 1 < out.size() && out.get(i + 1).startsWith(" ") ? " — " + out.get(i + 1).strip() : "";
                problems.add(out.get(i).strip() + message);
            }
        }
        return problems;
    }

    static List<String> ofScript(ChildJvm.Result result) {
        List<String> problems = new ArrayList<>();
        result.stderr().stream().filter(l -> !l.isBlank()).forEach(problems::add);
        result.stdout().stream().filter(l -> !l.isBlank()).forEach(problems::add);
        return problems;
    }
}
