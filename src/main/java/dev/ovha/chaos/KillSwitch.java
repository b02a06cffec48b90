package dev.ovha.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C and SIGTERM (a cancelled CI job, a closed terminal) end a run cleanly: a JVM shutdown hook raises
 * the stop flag that long faults and waits look at, refuses every new change, and plays every pending
 * rollback of this run (stopping running FIS experiments first, as the newest changes), within a time
 * budget. What the budget does not cover stays in the undo journal for {@code scripts/cleanup}. A kill -9
 * runs no hook at all: that is what the journal is for.
 */
public final class KillSwitch implements StopFlag, AutoCloseable {
    /** How long the hook waits for a change already in flight (an SDK call is bounded by its own timeout). */
    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(35);

    private final Rollbacks rollbacks;
    private final Duration budget;
    private final PrintStream out;
    private final AtomicBoolean stop = new AtomicBoolean();
    /** Counted down when the hook has finished: other hooks may start before this one has raised the flag. */
    private final CountDownLatch hookFinished = new CountDownLatch(1);
    private final AtomicBoolean removed = new AtomicBoolean();
    private final Thread hook;

    private KillSwitch(Rollbacks rollbacks, Duration budget, PrintStream out) {
        this.rollbacks = rollbacks;
        this.budget = budget;
        this.out = out;
        this.hook = new Thread(this::runAsHook, "ovha-kill-switch");
    }

    /** Installs the shutdown hook for the run whose journal {@code rollbacks} plays. */
    public static KillSwitch install(Rollbacks rollbacks, Duration budget, PrintStream out) {
        KillSwitch killSwitch = new KillSwitch(rollbacks, budget, out);
        Runtime.getRuntime().addShutdownHook(killSwitch.hook);
        return killSwitch;
    }

    @Override
    public boolean stopRequested() {
        return stop.get();
    }

    /** For long faults: call between steps; throws once the run has been asked to stop. */
    public void throwIfStopped() {
        if (stop.get()) {
            throw new ChaosRefused("stopped: the run was interrupted (Ctrl-C or SIGTERM); rollbacks are playing");
        }
    }

    private void runAsHook() {
        try {
            pull();
        } finally {
            hookFinished.countDown();
        }
    }

    /**
     * What the hook does: raise the flag, close the journal to new changes, play this run's rollbacks within
     * the budget, and say what happened.
     *
     * @return the rollback report, or null when the budget ran out first
     */
    RollbackReport pull() {
        stop.set(true);
        long started = System.nanoTime();
        out.println("ovha: interrupted; stopping experiments and playing rollbacks (budget " + budget.toSeconds() + " s)");
        if (!rollbacks.journal().closeForChanges(IN_FLIGHT_WAIT.compareTo(budget) < 0 ? IN_FLIGHT_WAIT : budget)) {
            out.println("ovha: a change was still in flight; rolling back what the journal holds");
        }
        // The rollbacks' own waits must not stop at the flag we just raised: the budget bounds them instead.
        UndoContext context = rollbacks.context().withStop(StopFlag.NEVER);
        String run = rollbacks.journal().runId().value();
        CompletableFuture<RollbackReport> playing = CompletableFuture.supplyAsync(
                () -> rollbacks.play(e -> e.runId().equals(run), context), daemonExecutor());
        Duration left = budget.minusNanos(System.nanoTime() - started);
        try {
            RollbackReport report = playing.get(Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS);
            report.outcomes().forEach(o -> out.println("ovha: " + o.line()));
            out.println(report.clean() ? "ovha: every change of run " + run + " undone"
                    : "ovha: " + report.failures().size() + " change(s) not undone; run scripts/cleanup");
            return report;
        } catch (TimeoutException e) {
            out.println("ovha: rollback budget of " + budget.toSeconds() + " s used up; what is left stays in "
                    + rollbacks.journal().file() + "; run scripts/cleanup");
        } catch (ExecutionException e) {
            out.println("ovha: rollbacks failed: " + rollbacks.context().screen().scrub(String.valueOf(e.getCause()))
                    + "; run scripts/cleanup");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
        return null;
    }

    /**
     * When the JVM is shutting down with the switch installed (Ctrl-C, SIGTERM), waits (at most the budget, and a
     * little for the last lines) for the hook to finish its rollbacks; returns at once otherwise. Other shutdown
     * hooks that close what the rollbacks use (the journal, the AWS clients) call this first. The JVM starts its
     * shutdown hooks together, in no set order, so the caller may get here before this switch's hook has even
     * raised the flag: whether the JVM is shutting down is what counts, not the flag.
     */
    public void awaitRollbacks() {
        if (Thread.currentThread() == hook || removed.get() || !jvmShuttingDown()) {
            return;
        }
        try {
            hookFinished.await(budget.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run ended normally (its rollbacks were played by the scenarios): the hook is no longer needed. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            removed.set(true);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, and the hook is running or about to.
        }
    }

    /** The JVM refuses new shutdown hooks once its shutdown has begun; there is no other way to ask. */
    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { }, "ovha-shutdown-probe");
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static Executor daemonExecutor() {
        return task -> {
            Thread thread = new Thread(task, "ovha-kill-switch-rollbacks");
            thread.setDaemon(true);
            thread.start();
        };
    }
}
