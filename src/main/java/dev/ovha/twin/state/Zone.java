package dev.ovha.twin.state;

/** An availability zone of the twin's region. */
public record Zone(String name, String zoneId, String region) {
}
