package dev.ovha.config;

/** A raw configuration string together with the layer that supplied it. */
record SourcedValue(String value, ValueSource source) {
}
