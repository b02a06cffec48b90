package dev.ovha.driver;

import java.time.Instant;
import java.util.Optional;

/**
 * What a shell command run through SSM did on one instance.
 *
 * @param instanceId where it ran
 * @param status     SSM's final status: Success, Failed, TimedOut, Cancelled; {@value #NOT_MANAGED} when SSM
 *                   refused the instance (no agent, or a role without SSM)
 * @param exitCode   the shell's exit code (-1 when it never ran)
 * @param stdout     standard output as SSM keeps it (its first 24,000 characters)
 * @param stderr     standard error, or SSM's refusal
 * @param executedAt when the instance started running it, as SSM reports
 */
public record ShellOutput(String instanceId, String status, int exitCode, String stdout, String stderr,
                          Optional<Instant> executedAt) {
    public static final String NOT_MANAGED = "NotManaged";

    static ShellOutput notManaged(String instanceId, String message) {
        return new ShellOutput(instanceId, NOT_MANAGED, -1, "", message, Optional.empty());
    }

    public boolean managed() {
        return !status.equals(NOT_MANAGED);
    }

    public boolean succeeded() {
        return status.equals("Success") && exitCode == 0;
    }
}
