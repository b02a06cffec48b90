package dev.ovha.chaos;

/**
 * A guard rail said no: nothing was changed, and the scenario is skipped (not failed) with the reason,
 * which names the flag to set or the precondition that was not met.
 */
public final class ChaosRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Verdict verdict;

    public ChaosRefused(String reason) {
        super(Verdict.oneLine(reason));
        this.verdict = Verdict.skipped(reason);
    }

    /** Always {@link Verdict.Kind#SKIPPED}. */
    public Verdict verdict() {
        return verdict;
    }
}
