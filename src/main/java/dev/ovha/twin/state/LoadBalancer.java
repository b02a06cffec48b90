package dev.ovha.twin.state;

import java.time.Instant;
import java.util.List;

/** An application load balancer; the subnets it stands in give its zones. */
public record LoadBalancer(String arn, String name, String dnsName, String canonicalHostedZoneId, Instant createdTime,
                           String scheme, String vpcId, List<Subnet> subnets, List<String> securityGroups) {
}
