package dev.ovha.driver;

import dev.ovha.aws.AwsClients;
import dev.ovha.report.Evidence;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The stack's masters: their Auto Scaling group joined with target health and private IPs. */
public final class MasterFleet {
    private final AutoScalingGroups groups;
    private final LoadBalancer loadBalancer;
    private final Ec2Instances instances;
    private final Parallel parallel;

    public MasterFleet(AwsClients aws, Evidence evidence, Parallel parallel) {
        this.groups = new AutoScalingGroups(aws, evidence);
        this.loadBalancer = new LoadBalancer(aws, evidence);
        this.instances = new Ec2Instances(aws, evidence);
        this.parallel = parallel;
    }

    public MasterFleetView view(Stack stack) {
        // The group, the target group and the target health are independent questions: ask them at once.
        CompletableFuture<GroupView> group = parallel.start(() -> groups.group(stack.masterGroupName()));
        CompletableFuture<TargetGroupView> targetGroup = parallel.start(() -> loadBalancer.targetGroup(stack.targetGroupArn()));
        CompletableFuture<List<TargetView>> targets = parallel.start(() -> loadBalancer.targets(stack.targetGroupArn()));
        GroupView groupView = Parallel.await(group);
        List<TargetView> targetViews = Parallel.await(targets);
        Map<String, String> ips = instances.privateIps(groupView.members().stream().map(GroupView.GroupMember::instanceId).toList());
        List<Master> masters = groupView.members().stream()
                .map(m -> new Master(m.instanceId(), m.zone(), m.lifecycleState(), ips.getOrDefault(m.instanceId(), ""),
                        targetOf(targetViews, m.instanceId())))
                .toList();
        return new MasterFleetView(groupView, Parallel.await(targetGroup), targetViews, masters);
    }

    private static Optional<TargetView> targetOf(List<TargetView> targets, String instanceId) {
        return targets.stream().filter(t -> t.instanceId().equals(instanceId)).findFirst();
    }
}
