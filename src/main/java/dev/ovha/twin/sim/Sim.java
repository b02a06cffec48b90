package dev.ovha.twin.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What every part of the twin's state shares: the virtual clock, the seeded id generator, the
 * ground-truth log, the timings, the injected faults, and the one lock that serialises every change.
 * API calls and clock tasks both run under that lock, so the state never needs finer locking.
 */
public final class Sim {

    private final VirtualClock clock;
    private final SeededIds ids;
    private final GroundTruthLog log;
    private final Timings timings;
    private final ActiveFaults faults;
    private final Account account;
    private final ReentrantLock lock = new ReentrantLock();

    public Sim(VirtualClock clock, SeededIds ids, Timings timings, ActiveFaults faults, Account account) {
        this(clock, ids, timings, faults, account, new GroundTruthLog());
    }

    /** A sim that records into {@code log}, which outlives it (the twin keeps one log across rebuilds). */
    public Sim(VirtualClock clock, SeededIds ids, Timings timings, ActiveFaults faults, Account account, GroundTruthLog log) {
        this.clock = clock;
        this.ids = ids;
        this.log = log;
        log.useClock(clock);
        this.timings = timings;
        this.faults = faults;
        this.account = account;
    }

    public VirtualClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.now();
    }

    public SeededIds ids() {
        return ids;
    }

    public GroundTruthLog log() {
        return log;
    }

    public Timings timings() {
        return timings;
    }

    public ActiveFaults faults() {
        return faults;
    }

    public boolean has(Fault fault) {
        return faults.has(fault);
    }

    public Account account() {
        return account;
    }

    /** Runs {@code work} under the state lock. */
    public <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code action} under the state lock once {@code delay} of virtual time has passed. A task that
     * throws is logged and recorded as {@code twin.task-failed}; the clock goes on, since one bug must
     * not freeze every other dynamic of a long-running twin.
     */
    public VirtualClock.Task after(Duration delay, String name, Runnable action) {
        return clock.schedule(delay, name, () -> locked(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("twin task '{}' failed", name, e);
                log.record("twin.task-failed", name, "error", e.toString());
            }
        }));
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Sim.class);
}
