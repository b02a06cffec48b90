package dev.ovha.twin.state;

/** Runs an {@code AWS-RunShellScript} command list on one instance, as its shell would. */
@FunctionalInterface
public interface ShellRunner {
    ShellResult run(String instanceId, java.util.List<String> commands);
}
