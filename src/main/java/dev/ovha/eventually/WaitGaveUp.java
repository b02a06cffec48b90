package dev.ovha.eventually;

/** A wait ended early because the stack reached a state from which the awaited one cannot follow. */
public final class WaitGaveUp extends AssertionError {
    private static final long serialVersionUID = 1L;

    WaitGaveUp(String message) {
        super(message);
    }
}
