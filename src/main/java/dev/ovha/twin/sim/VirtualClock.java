package dev.ovha.twin.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The twin's notion of time. AWS takes minutes to boot instances and mark targets healthy; the twin
 * compresses that by running a virtual clock {@code timeScale} times faster than the wall clock.
 *
 * <p>Two modes. <em>Real-time</em> ({@link #realTime}): a daemon thread runs due tasks as the scaled
 * wall clock reaches them — what the harness and {@code scripts/twin} use. <em>Manual</em>
 * ({@link #manual}): time only moves when {@link #advance} is called, and tasks run on the caller's
 * thread in due order — what the twin's own tests use, so that they are deterministic.
 *
 * <p>Tasks with the same due time run in the order they were scheduled. Tasks must not block.
 */
public final class VirtualClock implements AutoCloseable {

    private final Object lock = new Object();
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Instant epoch;
    private final double timeScale;
    private final boolean manual;
    private final long realStartNanos;
    private long manualMillis;
    private Thread driver;
    private volatile boolean closed;

    private VirtualClock(Instant epoch, double timeScale, boolean manual) {
        this.epoch = epoch;
        this.timeScale = timeScale;
        this.manual = manual;
        this.realStartNanos = System.nanoTime();
    }

    /** A clock whose virtual time runs {@code timeScale} times faster than real time, from {@code epoch}. */
    public static VirtualClock realTime(Instant epoch, double timeScale) {
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("time scale must be > 0, got " + timeScale);
        }
        VirtualClock clock = new VirtualClock(epoch, timeScale, false);
        clock.driver = new Thread(clock::drive, "twin-clock");
        clock.driver.setDaemon(true);
        clock.driver.start();
        return clock;
    }

    /** A clock that stands still until {@link #advance} is called. */
    public static VirtualClock manual(Instant epoch) {
        return new VirtualClock(epoch, 0, true);
    }

    public boolean isManual() {
        return manual;
    }

    public double timeScale() {
        return timeScale;
    }

    public Instant now() {
        synchronized (lock) {
            return epoch.plusMillis(virtualMillisNow());
        }
    }

    /** Virtual time elapsed since the clock's epoch. */
    public Duration elapsed() {
        synchronized (lock) {
            return Duration.ofMillis(virtualMillisNow());
        }
    }

    /** Converts a virtual duration into the real time it takes at this clock's scale (zero when manual). */
    public Duration toReal(Duration virtual) {
        return manual ? Duration.ZERO : Duration.ofNanos((long) (virtual.toNanos() / timeScale));
    }

    /** Runs {@code action} once {@code delay} of virtual time has passed. */
    public Task schedule(Duration delay, String name, Runnable action) {
        synchronized (lock) {
            long due = virtualMillisNow() + Math.max(0, delay.toMillis());
            Task task = new Task(due, sequence.incrementAndGet(), name, action);
            queue.add(task);
            lock.notifyAll();
            return task;
        }
    }

    /**
     * Manual mode: moves virtual time forward by {@code amount}, running every task that falls due on the
     * way, in order, each at its own due time (so a task that schedules another one inside the window
     * sees that one run too).
     */
    public synchronized void advance(Duration amount) {
        if (!manual) {
            throw new IllegalStateException("advance() is only for a manual clock; this one runs in real time");
        }
        if (amount.isNegative()) {
            throw new IllegalArgumentException("virtual time only moves forward; cannot advance by " + amount);
        }
        long target;
        synchronized (lock) {
            target = manualMillis + amount.toMillis();
        }
        while (true) {
            Task next;
            synchronized (lock) {
                next = queue.peek();
                if (next == null || next.dueMillis > target) {
                    manualMillis = target;
                    return;
                }
                queue.poll();
                manualMillis = Math.max(manualMillis, next.dueMillis);
            }
            next.run();
        }
    }

    /** Number of tasks waiting to run. */
    public int pendingTasks() {
        synchronized (lock) {
            return (int) queue.stream().filter(t -> !t.cancelled).count();
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            queue.clear();
            lock.notifyAll();
        }
    }

    private long virtualMillisNow() {
        if (manual) {
            return manualMillis;
        }
        return (long) ((System.nanoTime() - realStartNanos) / 1_000_000.0 * timeScale);
    }

    /** The real-time driver: waits (on the clock's monitor, not a sleep) until the next task is due. */
    private void drive() {
        while (!closed) {
            Task due = null;
            synchronized (lock) {
                Task next = queue.peek();
                if (next == null) {
                    waitQuietly(0);
                } else {
                    long aheadMillis = next.dueMillis - virtualMillisNow();
                    if (aheadMillis <= 0) {
                        due = queue.poll();
                    } else {
                        long realNanos = (long) (aheadMillis * 1_000_000.0 / timeScale);
                        waitQuietly(Math.max(1, realNanos / 1_000_000));
                    }
                }
            }
            if (due != null) {
                try {
                    due.run();
                } catch (RuntimeException e) {
                    // Sim.after already catches; this keeps the clock alive for raw tasks too.
                    org.slf4j.LoggerFactory.getLogger(VirtualClock.class).error("clock task '{}' failed", due.name(), e);
                }
            }
        }
    }

    private void waitQuietly(long millis) {
        try {
            lock.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** A scheduled piece of work; cancel it to stop it from running. */
    public static final class Task implements Comparable<Task> {
        private final long dueMillis;
        private final long seq;
        private final String name;
        private final Runnable action;
        private volatile boolean cancelled;

        private Task(long dueMillis, long seq, String name, Runnable action) {
            this.dueMillis = dueMillis;
            this.seq = seq;
            this.name = name;
            this.action = action;
        }

        public void cancel() {
            cancelled = true;
        }

        public String name() {
            return name;
        }

        private void run() {
            if (!cancelled) {
                action.run();
            }
        }

        @Override
        public int compareTo(Task other) {
            int byTime = Long.compare(dueMillis, other.dueMillis);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }
}
