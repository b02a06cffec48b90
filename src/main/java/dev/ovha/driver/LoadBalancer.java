package dev.ovha.driver;

import dev.ovha.aws.AwsClients;
import dev.ovha.report.Evidence;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/** The stack's load balancer, its target group and the health of the targets, as ELBv2 reports them. */
public final class LoadBalancer {
    private final AwsClients aws;
    private final Evidence evidence;

    public LoadBalancer(AwsClients aws, Evidence evidence) {
        this.aws = aws;
        this.evidence = evidence;
    }

    public TargetGroupView targetGroup(String arn) {
        TargetGroup group = aws.elasticLoadBalancing().describeTargetGroupsPaginator(r -> r.targetGroupArns(arn))
                .targetGroups().stream().findFirst()
                .orElseThrow(() -> new AssertionError("Target group " + arn + " does not exist, although the stack"
                        + " lists it as a resource: it was deleted outside CloudFormation."));
        TargetGroupView view = new TargetGroupView(group.targetGroupName(), group.targetGroupArn(),
                group.protocolAsString(), group.port() == null ? 0 : group.port(),
                new TargetGroupView.HealthCheck(group.healthCheckProtocolAsString(), group.healthCheckPort(),
                        group.healthCheckPath(), group.matcher() == null ? "" : group.matcher().httpCode(),
                        orZero(group.healthCheckIntervalSeconds()), orZero(group.healthCheckTimeoutSeconds()),
                        orZero(group.healthyThresholdCount()), orZero(group.unhealthyThresholdCount())),
                group.loadBalancerArns());
        evidence.aws("DescribeTargetGroups", arn, view);
        return view;
    }

    /** DescribeTargetHealth answers every target of the group at once; it has no paginator. */
    public List<TargetView> targets(String targetGroupArn) {
        List<TargetView> targets = aws.elasticLoadBalancing().describeTargetHealth(r -> r.targetGroupArn(targetGroupArn))
                .targetHealthDescriptions().stream()
                .map(d -> new TargetView(d.target().id(), d.target().port() == null ? 0 : d.target().port(),
                        d.targetHealth().stateAsString(), Optional.ofNullable(d.targetHealth().reasonAsString()),
                        Optional.ofNullable(d.targetHealth().description())))
                .toList();
        evidence.aws("DescribeTargetHealth", targetGroupArn, targets);
        return targets;
    }

    public LoadBalancerView view(String arn) {
        var lb = aws.elasticLoadBalancing().describeLoadBalancersPaginator(r -> r.loadBalancerArns(arn))
                .loadBalancers().stream().findFirst()
                .orElseThrow(() -> new AssertionError("Load balancer " + arn + " does not exist, although the stack"
                        + " lists it as a resource: it was deleted outside CloudFormation."));
        List<LoadBalancerView.Listener> listeners = aws.elasticLoadBalancing()
                .describeListenersPaginator(r -> r.loadBalancerArn(arn)).listeners().stream()
                .map(l -> new LoadBalancerView.Listener(l.port() == null ? 0 : l.port(), l.protocolAsString(),
                        l.defaultActions().stream().map(a -> a.typeAsString()).toList()))
                .toList();
        LoadBalancerView view = new LoadBalancerView(lb.loadBalancerName(), lb.dnsName(), lb.schemeAsString(),
                lb.availabilityZones().stream().map(AvailabilityZone::zoneName).toList(), listeners);
        evidence.aws("DescribeLoadBalancers+DescribeListeners", arn, view);
        return view;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
