package dev.ovha.eventually;

/**
 * A wait ran out of time: the stack did not reach the promised state. It is an {@link AssertionError}
 * because that is what the verdict is (the stack broke a promise), and its message restates what was
 * awaited and what was observed last.
 */
public final class WaitTimedOut extends AssertionError {
    private static final long serialVersionUID = 1L;

    WaitTimedOut(String message) {
        super(message);
    }
}
