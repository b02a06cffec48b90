package dev.ovha.driver;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs independent calls at the same time, so that a view built from three AWS answers costs one round
 * trip, and rethrows the first failure as the caller would have seen it.
 */
public final class Parallel {
    private final Executor executor;

    public Parallel(Executor executor) {
        this.executor = executor;
    }

    public <T> CompletableFuture<T> start(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, executor);
    }

    /** The value of a started call, with its own exception if it failed. */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
