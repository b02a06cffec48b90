package dev.ovha.twin.state;

/** What a shell script printed and how it exited. */
public record ShellResult(int exitCode, String stdout, String stderr) {
}
