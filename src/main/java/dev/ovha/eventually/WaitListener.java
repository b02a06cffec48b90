package dev.ovha.eventually;

/**
 * Told how every {@link Eventually} wait ended, on the waiting thread, right after the verdict. A
 * listener only records: whatever it does or throws never changes the wait's result.
 */
@FunctionalInterface
public interface WaitListener {
    void waitEnded(WaitOutcome outcome);

    /** Stops telling the listener it was returned for; closing twice is harmless. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
