package dev.ovha.eventually;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners told of every wait's outcome in this JVM. Nothing is registered in a normal run; a tool
 * that runs the suite in-process (the benchmark) registers one for the duration of the run.
 */
final class WaitListeners {
    private static final List<WaitListener> LISTENERS = new CopyOnWriteArrayList<>();

    private WaitListeners() {
    }

    static WaitListener.Registration add(WaitListener listener) {
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }

    static void tell(WaitOutcome outcome) {
        for (WaitListener listener : LISTENERS) {
            try {
                listener.waitEnded(outcome);
            } catch (RuntimeException e) {
                // A recorder that fails must not turn a verdict about the stack into a harness error.
            }
        }
    }
}
