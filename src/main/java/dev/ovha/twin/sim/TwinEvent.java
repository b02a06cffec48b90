package dev.ovha.twin.sim;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the ground-truth log: the moment (virtual and real) at which something became true in
 * the twin, e.g. {@code target.healthy} for {@code i-0abc…}. Benchmarks compare the harness's verdicts with it.
 */
public record TwinEvent(long seq, Instant virtualTime, Instant realTime, String type, String subject,
                        Map<String, String> details) {
}
