package dev.ovha.driver;

import dev.ovha.aws.AwsClients;
import dev.ovha.report.Evidence;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** What EC2 knows of instances and subnets that Auto Scaling does not say: private IPs, subnet zones. */
public final class Ec2Instances {
    private final AwsClients aws;
    private final Evidence evidence;

    public Ec2Instances(AwsClients aws, Evidence evidence) {
        this.aws = aws;
        this.evidence = evidence;
    }

    /** Private IP per instance id; instances EC2 no longer reports are left out. */
    public Map<String, String> privateIps(Collection<String> instanceIds) {
        Map<String, String> ips = new LinkedHashMap<>();
        if (instanceIds.isEmpty()) {
            return ips;
        }
        aws.ec2().describeInstancesPaginator(r -> r.instanceIds(instanceIds)).reservations()
                .forEach(reservation -> reservation.instances().forEach(i ->
                        ips.put(i.instanceId(), i.privateIpAddress() == null ? "" : i.privateIpAddress())));
        evidence.aws("DescribeInstances", String.join(",", instanceIds), ips);
        return ips;
    }

    /** Subnet per instance id; instances EC2 no longer reports are left out. */
    public Map<String, String> subnetsOf(Collection<String> instanceIds) {
        Map<String, String> subnets = new LinkedHashMap<>();
        if (instanceIds.isEmpty()) {
            return subnets;
        }
        aws.ec2().describeInstancesPaginator(r -> r.instanceIds(instanceIds)).reservations()
                .forEach(reservation -> reservation.instances().forEach(i -> subnets.put(i.instanceId(), i.subnetId())));
        evidence.aws("DescribeInstances", String.join(",", instanceIds), subnets);
        return subnets;
    }

    /** Availability zone per subnet id. */
    public Map<String, String> subnetZones(Collection<String> subnetIds) {
        Map<String, String> zones = new LinkedHashMap<>();
        if (subnetIds.isEmpty()) {
            return zones;
        }
        aws.ec2().describeSubnetsPaginator(r -> r.subnetIds(subnetIds)).subnets()
                .forEach(s -> zones.put(s.subnetId(), s.availabilityZone()));
        evidence.aws("DescribeSubnets", String.join(",", subnetIds), zones);
        return zones;
    }
}
