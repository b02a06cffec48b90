package dev.ovha.chaos;

import dev.ovha.report.Verdict;
import java.util.Objects;

/**
 * A verdict the chaos machinery reaches on its own (a guard rail's refusal, an incomplete rollback), with
 * the reason: its kind is one of the scenario {@link Verdict}s, as reports and exit codes read them. The
 * reason is one line, because it is often the only thing a CI log shows.
 */
public record ChaosVerdict(Verdict kind, String reason) {

    public ChaosVerdict {
        Objects.requireNonNull(kind, "kind");
        reason = OneLine.of(Objects.requireNonNull(reason, "reason"));
    }

    public static ChaosVerdict passed() {
        return new ChaosVerdict(Verdict.PASSED, "");
    }

    public static ChaosVerdict failed(String reason) {
        return new ChaosVerdict(Verdict.FAILED, reason);
    }

    public static ChaosVerdict broken(String reason) {
        return new ChaosVerdict(Verdict.BROKEN, reason);
    }

    public static ChaosVerdict skipped(String reason) {
        return new ChaosVerdict(Verdict.SKIPPED, reason);
    }
}
