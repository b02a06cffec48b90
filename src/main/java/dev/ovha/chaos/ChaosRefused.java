package dev.ovha.chaos;

/**
 * A guard rail said no: nothing was changed, and the scenario is skipped (not failed) with the reason,
 * which names the flag to set or the precondition that was not met.
 */
public final class ChaosRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ChaosVerdict verdict;

    public ChaosRefused(String reason) {
        super(OneLine.of(reason));
        this.verdict = ChaosVerdict.skipped(reason);
    }

    /** Always {@link dev.ovha.report.Verdict#SKIPPED}. */
    public ChaosVerdict verdict() {
        return verdict;
    }
}
