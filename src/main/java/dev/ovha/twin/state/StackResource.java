package dev.ovha.twin.state;

import java.time.Instant;

/** A resource created by a stack, with the physical id CloudFormation reports for its type. */
public record StackResource(String logicalId, String physicalId, String type, String status, Instant timestamp) {
}
