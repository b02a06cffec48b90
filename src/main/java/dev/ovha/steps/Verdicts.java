package dev.ovha.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.opentest4j.TestAbortedException;

/**
 * How steps turn findings into verdicts: defects fail the scenario (the stack broke a promise) with
 * every defect on its own line; an unmet precondition skips it with the reason.
 */
final class Verdicts {
    private Verdicts() {
    }

    static void assertNoDefects(List<String> defects) {
        assertThat(defects).withFailMessage(() -> String.join(System.lineSeparator(), defects)).isEmpty();
    }

    static void skipUnless(boolean precondition, String reason) {
        if (!precondition) {
            throw new TestAbortedException("skipped: " + reason);
        }
    }
}
