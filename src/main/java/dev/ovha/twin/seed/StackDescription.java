package dev.ovha.twin.seed;

import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.sim.Account;
import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.sim.SeededIds;
import dev.ovha.twin.sim.Sim;
import dev.ovha.twin.state.AutoScalingGroup;
import dev.ovha.twin.state.LifecycleHook;
import dev.ovha.twin.state.Listener;
import dev.ovha.twin.state.ScalingPolicy;
import dev.ovha.twin.state.Stack;
import dev.ovha.twin.state.StackOutput;
import dev.ovha.twin.state.StackParameter;
import dev.ovha.twin.state.StackResource;
import dev.ovha.twin.state.StackTopology;
import dev.ovha.twin.state.Subnet;
import dev.ovha.twin.state.World;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The CloudFormation view of the seeded stack: parameters, outputs and resources with physical ids. */
final class StackDescription {

    private final TwinOptions options;
    private final Sim sim;
    private final SeededIds ids;
    private final Account account;
    private final StackTopology topology;
    private final StackSizes sizes;

    StackDescription(TwinOptions options, Sim sim, StackTopology topology, StackSizes sizes) {
        this.options = options;
        this.sim = sim;
        this.ids = sim.ids();
        this.account = sim.account();
        this.topology = topology;
        this.sizes = sizes;
    }

    Stack stack(String stackId, String lbDns, String bucket, String clusterId, String certificateArn, String vpcId,
                List<Subnet> subnets, World world) {
        Instant created = sim.now().minus(Duration.ofMinutes(25));
        String stack = options.stack();
        List<StackParameter> parameters = List.of(
                param("DomainName", topology.domainName()),
                param("KeyName", stack + "-key"),
                secret("OpenViduLicense", "twin-license"),
                secret("OpenViduSecret", options.secret()),
                param("MediaServer", "mediasoup"),
                param("OpenViduProClusterId", clusterId),
                param("OpenViduS3BucketName", ""),
                param("OpenViduS3ConfigAutoRestart", "true"),
                param("OpenViduRecording", "true"),
                param("CoturnInMediaNodes", "false"),
                param("ElasticsearchEnabled", "true"),
                param("ElasticsearchUser", "elasticadmin"),
                secret("ElasticsearchPassword", options.esPassword()),
                param("ElasticsearchUrl", "https://es." + topology.domainName() + ":443"),
                param("KibanaUrl", "https://kibana." + topology.domainName() + ":443"),
                param("LoadBalancerCertificateARN", certificateArn),
                param("AwsInstanceTypeOV", "c5.xlarge"),
                param("AwsInstanceTypeKMS", "c5.xlarge"),
                param("MinMasterNodes", sizes.minMasters()),
                param("MaxMasterNodes", sizes.maxMasters()),
                param("DesiredMasterNodes", options.masters()),
                param("MinMediaNodes", sizes.minMedia()),
                param("MaxMediaNodes", sizes.maxMedia()),
                param("DesiredMediaNodes", options.media()),
                param("ScaleUpMediaNodesAvgCpu", 70),
                param("ScaleDownMediaNodesAvgCpu", 30),
                param("OpenViduVPC", vpcId),
                param("OpenViduSubnets", subnets.stream().map(Subnet::id).collect(Collectors.joining(","))));
        List<StackOutput> outputs = List.of(
                new StackOutput("LoadBalancerUrl", "https://" + lbDns,
                        "LoadBalancer of OpenVidu Pro. Point your domain name to this Load Balancer."),
                new StackOutput("InspectorUrl", "https://" + topology.domainName() + "/inspector",
                        "Inspector URL using domain name."));
        // Fault stack-rollback-failed: an update ten minutes after creation failed, and so did its rollback.
        boolean stuck = sim.has(Fault.STACK_ROLLBACK_FAILED);
        return new Stack(stack, stackId, "OpenVidu Enterprise High Availability " + options.version(),
                stuck ? "UPDATE_ROLLBACK_FAILED" : "CREATE_COMPLETE", created, stuck ? created.plusSeconds(600) : null, parameters, outputs,
                sim.has(Fault.STACK_TAGGED_PRODUCTION) ? Map.of("environment", "production") : Map.of(), List.of("CAPABILITY_IAM"),
                resources(bucket, world, created));
    }

    private List<StackResource> resources(String bucket, World world, Instant created) {
        String stack = options.stack();
        AutoScalingGroup masters = world.masterGroup();
        AutoScalingGroup media = world.mediaGroup();
        List<Listener> listeners = world.elb().listeners();
        List<StackResource> list = new ArrayList<>();
        Instant at = created.plusSeconds(30);
        add(list, at, "S3OpenViduBucket", "AWS::S3::Bucket", bucket);
        add(list, at, "OpenViduSecurityGroup", "AWS::EC2::SecurityGroup", masters.launchTemplate().securityGroupId());
        add(list, at, "OpenViduSecurityGroupIngressServer", "AWS::EC2::SecurityGroupIngress", generated("OpenViduSecurityGroupIngressServer"));
        add(list, at, "OpenViduSecurityGroupIngressReplicationManager", "AWS::EC2::SecurityGroupIngress", generated("OpenViduSecurityGroupIngressReplicationManager"));
        add(list, at, "LoadBalancerSecurityGroup", "AWS::EC2::SecurityGroup", world.elb().loadBalancers().get(0).securityGroups().get(0));
        add(list, at, "RedisSecurityGroup", "AWS::EC2::SecurityGroup", ids.prefixed("sg", 17));
        add(list, at, "MediaNodeSecurityGroup", "AWS::EC2::SecurityGroup", media.launchTemplate().securityGroupId());
        add(list, at, "RedisClusterSubnetGroup", "AWS::ElastiCache::SubnetGroup", (stack + "-RedisSubnetGroup").toLowerCase());
        add(list, at, "RedisCluster", "AWS::ElastiCache::CacheCluster", (stack + "-Redis").toLowerCase());
        add(list, at, "SQSQueue", "AWS::SQS::Queue", "https://sqs." + options.region() + ".amazonaws.com/" + account.id() + "/" + topology.queueName());
        add(list, at, "SQSPolicy", "AWS::SQS::QueuePolicy", generated("SQSPolicy"));
        add(list, at, "LoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer", topology.loadBalancerArn());
        add(list, at, "TargetGroup", "AWS::ElasticLoadBalancingV2::TargetGroup", topology.targetGroupArn());
        add(list, at, "HttpLoadBalancerListener", "AWS::ElasticLoadBalancingV2::Listener", listeners.get(0).arn());
        add(list, at, "LoadBalancerListener", "AWS::ElasticLoadBalancingV2::Listener", listeners.get(1).arn());
        for (String rule : List.of("RootListenerRule", "InspectorListenerRule", "ListenerRule")) {
            add(list, at, rule, "AWS::ElasticLoadBalancingV2::ListenerRule",
                    listeners.get(1).arn().replace(":listener/", ":listener-rule/") + "/" + ids.hex(16));
        }
        add(list, at, "OpenViduProMasterRole", "AWS::IAM::Role", stack + "-MasterNodeRole");
        add(list, at, "OpenViduProMasterInstanceProfile", "AWS::IAM::InstanceProfile", generated("OpenViduProMasterInstanceProfile"));
        add(list, at, "OpenViduProMasterNodeAutoScalingLaunchTemplate", "AWS::EC2::LaunchTemplate", masters.launchTemplate().id());
        add(list, at, "MediaNodeLaunchTemplateConfiguration", "AWS::EC2::LaunchTemplate", media.launchTemplate().id());
        add(list, at, "OpenViduProMasterNodeAutoScalingGroup", "AWS::AutoScaling::AutoScalingGroup", masters.name());
        add(list, at, "MediaNodeAutoScalingGroup", "AWS::AutoScaling::AutoScalingGroup", media.name());
        for (LifecycleHook hook : media.hooks()) {
            String logical = hook.transition().equals(LifecycleHook.LAUNCHING) ? "LaunchMediaNodeLifeCycleHook" : "TerminateMediaNodeLifeCycleHook";
            add(list, at, logical, "AWS::AutoScaling::LifecycleHook", hook.name());
        }
        add(list, at, "LifeCycleMediaNodesRule", "AWS::Events::Rule", topology.lifecycleRuleName());
        add(list, at, "AutoscalingScheduleRule", "AWS::Events::Rule", topology.scheduleRuleName());
        for (ScalingPolicy policy : media.policies()) {
            boolean up = policy.scalingAdjustment() > 0;
            add(list, at, up ? "MediaNodeScaleUpPolicy" : "MediaNodeScaleDownPolicy", "AWS::AutoScaling::ScalingPolicy", policy.arn());
            add(list, at, up ? "MediaNodeCPUAlarmHigh" : "MediaNodeCPUAlarmLow", "AWS::CloudWatch::Alarm", policy.alarms().get(0).name());
        }
        add(list, at, "LambdaOnCreateRole", "AWS::IAM::Role", stack + "-lambda-role-on-create");
        add(list, at, "LambdaOnCreate", "AWS::Lambda::Function", stack + "-lambda-on-create");
        add(list, at, "LambdaOnCreateInvoke", "AWS::CloudFormation::CustomResource", generated("LambdaOnCreateInvoke"));
        add(list, at, "LambdaOnDeleteRole", "AWS::IAM::Role", stack + "l-r-on-delete");
        add(list, at, "LambdaOnDelete", "AWS::Lambda::Function", stack + "-lambda-on-delete");
        add(list, at, "LambdaOnDeleteInvoke", "AWS::CloudFormation::CustomResource", generated("LambdaOnDeleteInvoke"));
        return list;
    }

    private static void add(List<StackResource> list, Instant at, String logicalId, String type, String physicalId) {
        list.add(new StackResource(logicalId, physicalId, type, "CREATE_COMPLETE", at.plusSeconds(list.size() * 7L)));
    }

    /** CloudFormation's generated physical name for resources without an explicit one. */
    private String generated(String logicalId) {
        return options.stack() + "-" + logicalId + "-" + ids.upperAlphanumeric(12);
    }

    private static StackParameter param(String key, Object value) {
        return new StackParameter(key, String.valueOf(value), false);
    }

    private static StackParameter secret(String key, String value) {
        return new StackParameter(key, value, true);
    }
}
