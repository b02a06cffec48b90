package dev.ovha.chaos;

/**
 * Whether the run has been asked to stop (Ctrl-C, SIGTERM). Long faults and waits look at it between
 * steps, so that an interrupted run stops attacking and starts undoing at once.
 */
@FunctionalInterface
public interface StopFlag {
    StopFlag NEVER = () -> false;

    boolean stopRequested();
}
