package dev.ovha.twin.state.fis;

/** One resource a target resolved to when its experiment started: an instance or a subnet. */
public record ResolvedTarget(String targetName, String resourceType, String resourceId, String arn) {
}
