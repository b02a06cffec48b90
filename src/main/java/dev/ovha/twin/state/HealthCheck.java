package dev.ovha.twin.state;

import java.time.Duration;

/** A target group's health-check settings, as DescribeTargetGroups reports them. */
public record HealthCheck(String protocol, String port, String path, String matcher, Duration interval,
                          Duration timeout, int healthyThreshold, int unhealthyThreshold) {
}
