package dev.ovha.chaos;

/**
 * A stack name given on purpose to allow changes to it, and where it was given, so that a refusal can say
 * {@code ovha.chaos.allow = 'ovha-twn' (from -Dovha.chaos.allow)}.
 *
 * @param stack  the stack name the user allowed
 * @param source {@code (from -Dovha.chaos.allow)}, {@code (from env OVHA_CHAOS_ALLOW)}…
 */
public record OptIn(String stack, String source) {
}
