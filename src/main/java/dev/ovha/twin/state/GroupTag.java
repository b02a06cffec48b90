package dev.ovha.twin.state;

/** A tag of an Auto Scaling group; {@code propagateAtLaunch} tags are copied onto its instances. */
public record GroupTag(String key, String value, boolean propagateAtLaunch) {
}
