package dev.ovha.twin.state;

/** A stack output. */
public record StackOutput(String key, String value, String description) {
}
