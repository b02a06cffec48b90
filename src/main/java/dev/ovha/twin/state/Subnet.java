package dev.ovha.twin.state;

import java.util.Map;

/** A subnet of the stack's VPC; instances get private addresses from its CIDR block. */
public record Subnet(String id, String arn, String vpcId, String cidrBlock, Zone zone, Map<String, String> tags) {

    /** The {@code n}-th host address of the /24 block (AWS reserves .0-.3 and .255). */
    public String hostAddress(int n) {
        String base = cidrBlock.substring(0, cidrBlock.lastIndexOf('.'));
        return base + "." + (10 + n % 240);
    }
}
