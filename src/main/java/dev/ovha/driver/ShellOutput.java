package dev.ovha.driver;

/**
 * What a shell command run through SSM printed on one instance.
 *
 * @param instanceId where it ran
 * @param status     SSM's final status: Success, Failed, TimedOut, Cancelled, Undeliverable...
 * @param exitCode   the shell's exit code (-1 when it never ran)
 * @param stdout     standard output as SSM keeps it (its first 24,000 characters)
 */
public record ShellOutput(String instanceId, String status, int exitCode, String stdout) {
    public boolean succeeded() {
        return status.equals("Success") && exitCode == 0;
    }
}
