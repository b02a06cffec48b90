package dev.ovha.twin.state.fis;

import java.time.Instant;

/** One action of one experiment as it runs: its status with FIS's reason, and when it started and ended. */
public final class ActionRun {

    private final String name;
    private final ActionSpec spec;
    private ActionStatus status = ActionStatus.PENDING;
    private String reason = "Initial state";
    private Instant startTime;
    private Instant endTime;

    ActionRun(String name, ActionSpec spec) {
        this.name = name;
        this.spec = spec;
    }

    public String name() {
        return name;
    }

    public ActionSpec spec() {
        return spec;
    }

    public ActionStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** When the action began to run; null while pending, and for an action that never ran. */
    public Instant startTime() {
        return startTime;
    }

    public Instant endTime() {
        return endTime;
    }

    void start(Instant at) {
        this.startTime = at;
        set(ActionStatus.RUNNING, "");
    }

    void set(ActionStatus next, String why) {
        this.status = next;
        this.reason = why;
    }

    void end(ActionStatus next, String why, Instant at) {
        set(next, why);
        this.endTime = at;
    }
}
