package dev.ovha.target;

/**
 * The run cannot start (bad configuration, unreachable or unknown stack, wrong secret, untrusted
 * certificate) or cannot be trusted (no scenario was selected). Its message is the one line the user
 * needs; it has no stack trace because the trace would only bury that line.
 */
public final class RunRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunRefused(String message) {
        super(message, null, false, false);
    }
}
