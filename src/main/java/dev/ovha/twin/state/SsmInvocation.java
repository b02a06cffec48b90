package dev.ovha.twin.state;

import java.time.Instant;

/** One command's run on one instance: Pending → InProgress → Success / Failed. */
public final class SsmInvocation {

    private final SsmCommand command;
    private final String instanceId;
    private final Instant visibleAt;
    private String status = "Pending";
    private Instant startedAt;
    private Instant endedAt;
    private ShellResult result;

    SsmInvocation(SsmCommand command, String instanceId, Instant visibleAt) {
        this.command = command;
        this.instanceId = instanceId;
        this.visibleAt = visibleAt;
    }

    public SsmCommand command() {
        return command;
    }

    public String instanceId() {
        return instanceId;
    }

    /** Real SSM answers InvocationDoesNotExist for a short while after SendCommand. */
    public Instant visibleAt() {
        return visibleAt;
    }

    public String status() {
        return status;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    /** The shell's result once finished, else {@code null}. */
    public ShellResult result() {
        return result;
    }

    void start(Instant at) {
        status = "InProgress";
        startedAt = at;
    }

    void finish(Instant at, ShellResult shell) {
        result = shell;
        endedAt = at;
        status = shell.exitCode() == 0 ? "Success" : "Failed";
    }
}
