package dev.ovha.twin.state;

import java.util.List;

/** A load balancer listener with its default action and, for HTTPS, its certificate. */
public record Listener(String arn, String loadBalancerArn, int port, String protocol, List<ListenerAction> defaultActions,
                       String certificateArn, String sslPolicy) {
}
