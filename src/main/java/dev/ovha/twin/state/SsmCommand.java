package dev.ovha.twin.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An SSM Run Command request as SendCommand accepted it. */
public record SsmCommand(String id, String documentName, List<String> instanceIds, Map<String, List<String>> parameters,
                         String comment, int timeoutSeconds, Instant requestedAt) {
}
