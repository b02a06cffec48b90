package dev.ovha.driver;

import java.util.List;

/**
 * A target group and its health check settings.
 *
 * @param name             target group name (the template names it like the stack)
 * @param arn              its ARN
 * @param protocol         HTTP
 * @param port             4443 in the template
 * @param healthCheck      how the load balancer checks the targets
 * @param loadBalancerArns load balancers forwarding to it
 */
public record TargetGroupView(String name, String arn, String protocol, int port, HealthCheck healthCheck,
                              List<String> loadBalancerArns) {
    public TargetGroupView {
        loadBalancerArns = List.copyOf(loadBalancerArns);
    }

    /**
     * Health check settings.
     *
     * @param protocol           HTTP
     * @param port               traffic-port or a number
     * @param path               e.g. {@code /} (2.32.1+) or {@code /openvidu/health}
     * @param matcher            expected codes, e.g. {@code 401-403} or {@code 200}
     * @param intervalSeconds    seconds between checks
     * @param timeoutSeconds     seconds a check may take
     * @param healthyThreshold   passes to become healthy
     * @param unhealthyThreshold failures to become unhealthy
     */
    public record HealthCheck(String protocol, String port, String path, String matcher, int intervalSeconds,
                              int timeoutSeconds, int healthyThreshold, int unhealthyThreshold) {
    }
}
