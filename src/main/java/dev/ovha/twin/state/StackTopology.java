package dev.ovha.twin.state;

/**
 * Where the parts of the seeded OpenVidu stack are: the names and ARNs other parts of the twin (the
 * load balancer, the replication-manager model, faults) need to find them.
 */
public record StackTopology(String stackName, String masterGroupName, String mediaGroupName, String targetGroupArn,
                            String loadBalancerArn, String bucketName, String queueName, String lifecycleRuleName,
                            String scheduleRuleName, String domainName) {
}
