package dev.ovha.twin.state;

import java.util.Map;

/** A subnet of the stack's VPC; instances get private addresses from its CIDR block. */
public record Subnet(String id, String arn, String vpcId, String cidrBlock, Zone zone, Map<String, String> tags) {

    /** Host numbers available to instances: .10 to .249 of the /24 (AWS reserves .0-.3 and .255). */
    public static final int HOSTS = 240;

    /** The {@code n}-th host address of the /24 block, {@code 1 <= n < HOSTS}. */
    public String hostAddress(int n) {
        String base = cidrBlock.substring(0, cidrBlock.lastIndexOf('.'));
        return base + "." + (9 + n);
    }
}
