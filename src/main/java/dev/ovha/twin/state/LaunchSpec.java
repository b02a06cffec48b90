package dev.ovha.twin.state;

import java.time.Duration;
import java.util.Map;

/** What to launch: where, as what, with which tags, and how long it takes to boot. */
public record LaunchSpec(Subnet subnet, String instanceType, String imageId, String securityGroupId,
                         Map<String, String> tags, Duration bootTime) {
}
