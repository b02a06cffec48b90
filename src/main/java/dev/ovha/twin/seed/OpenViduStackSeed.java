package dev.ovha.twin.seed;

import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.openvidu.ConfigStore;
import dev.ovha.twin.openvidu.S3ConfigStore;
import dev.ovha.twin.openvidu.InitialDotEnv;
import dev.ovha.twin.openvidu.OpenViduCluster;
import dev.ovha.twin.state.Stack;
import dev.ovha.twin.sim.Account;
import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.sim.SeededIds;
import dev.ovha.twin.sim.Sim;
import dev.ovha.twin.sim.Timings;
import dev.ovha.twin.state.AutoScalingGroup;
import dev.ovha.twin.state.Ec2State;
import dev.ovha.twin.state.GroupTag;
import dev.ovha.twin.state.HealthCheck;
import dev.ovha.twin.state.LaunchTemplateRef;
import dev.ovha.twin.state.LifecycleHook;
import dev.ovha.twin.state.Listener;
import dev.ovha.twin.state.ListenerAction;
import dev.ovha.twin.state.LoadBalancer;
import dev.ovha.twin.state.ScalingPolicy;
import dev.ovha.twin.state.StackTopology;
import dev.ovha.twin.state.Subnet;
import dev.ovha.twin.state.TargetGroup;
import dev.ovha.twin.state.World;
import dev.ovha.twin.state.Zone;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the twin's world as the vendor's HA CloudFormation template would have deployed it (see
 * {@code openvidu-ha.md} §3): VPC with two subnets in two zones, the ALB {@code <stack>-lb} with its
 * listeners, target group {@code <stack>}, master and media Auto Scaling groups with their hooks and
 * policies, the configuration bucket {@code <cluster id>-<8 hex of the stack id>} (empty), every instance running and every master a healthy target — the stack's steady state.
 */
public final class OpenViduStackSeed {

    private final TwinOptions options;
    private final Sim sim;
    private final SeededIds ids;
    private final Account account;

    public OpenViduStackSeed(TwinOptions options, Sim sim) {
        this.options = options;
        this.sim = sim;
        this.ids = sim.ids();
        this.account = sim.account();
    }

    public World build() {
        String stack = options.stack();
        String lower = stack.toLowerCase(Locale.ROOT);
        String region = options.region();
        Timings timings = sim.timings();

        List<Zone> zones = List.of(
                new Zone(region + "a", shortRegion(region) + "-az1", region),
                new Zone(region + "b", shortRegion(region) + "-az2", region),
                new Zone(region + "c", shortRegion(region) + "-az3", region));
        String vpcId = ids.prefixed("vpc", 17);
        // Fault masters-one-az: the OpenViduSubnets parameter names two subnets of the same zone.
        Zone secondZone = sim.has(Fault.MASTERS_ONE_AZ) ? zones.get(0) : zones.get(1);
        List<Subnet> subnets = List.of(subnet(vpcId, "10.0.1.0/24", zones.get(0), stack + "-a"),
                subnet(vpcId, "10.0.2.0/24", secondZone, stack + "-b"));
        World world = new World(sim, new Ec2State(sim, vpcId, "10.0.0.0/16", zones, subnets));

        String stackUuid = ids.uuid();
        String stackId = account.arn("cloudformation", "stack/" + stack + "/" + stackUuid);
        String clusterId = lower + "-cluster";
        String bucket = clusterId + "-" + stackUuid.substring(0, 8);

        String lbName = stack + "-lb";
        String lbSuffix = ids.hex(16);
        String lbArn = account.arn("elasticloadbalancing", "loadbalancer/app/" + lbName + "/" + lbSuffix);
        String lbDns = lbName.toLowerCase(Locale.ROOT) + "-" + ids.digits(10) + "." + region + ".elb.amazonaws.com";
        String lbSecurityGroup = ids.prefixed("sg", 17);
        world.elb().add(new LoadBalancer(lbArn, lbName, lbDns, "Z35SXDOTRQ7X7K", sim.now().minus(Duration.ofMinutes(20)),
                "internet-facing", vpcId, subnets, List.of(lbSecurityGroup)));

        String tgArn = account.arn("elasticloadbalancing", "targetgroup/" + stack + "/" + ids.hex(16));
        boolean rootHealthCheck = OpenViduVersion.healthCheckAtRoot(options.version());
        HealthCheck healthCheck = new HealthCheck("HTTP", "4443", rootHealthCheck ? "/" : "/openvidu/health",
                rootHealthCheck ? "401-403" : "200", timings.healthCheckInterval(), timings.healthCheckTimeout(),
                timings.healthyThreshold(), timings.unhealthyThreshold());
        world.elb().add(new TargetGroup(tgArn, stack, "HTTP", 4443, vpcId, healthCheck, List.of(lbArn),
                Map.of("Name", stack + "-TargetGroup")));
        String certificateArn = account.arn("acm", "certificate/" + ids.uuid());
        String httpListenerArn = account.arn("elasticloadbalancing", "listener/app/" + lbName + "/" + lbSuffix + "/" + ids.hex(16));
        String httpsListenerArn = account.arn("elasticloadbalancing", "listener/app/" + lbName + "/" + lbSuffix + "/" + ids.hex(16));
        world.elb().add(new Listener(httpListenerArn, lbArn, 80, "HTTP", List.of(ListenerAction.redirectToHttps()), null, null));
        world.elb().add(new Listener(httpsListenerArn, lbArn, 443, "HTTPS", List.of(ListenerAction.forward(tgArn)),
                certificateArn, "ELBSecurityPolicy-2016-08"));

        StackSizes sizes = StackSizes.of(options, sim.has(Fault.AUTOSCALING_PARAMS_DRIFT));
        String masterGroupName = stack + "-ASGOpenViduProMasterNode";
        String mediaGroupName = stack + "-ASGMediaNode";
        String masterSg = ids.prefixed("sg", 17);
        String mediaSg = ids.prefixed("sg", 17);
        LaunchTemplateRef masterTemplate = new LaunchTemplateRef(ids.prefixed("lt", 17),
                stack + "-ASGMasterNodeLaunchConfiguration", "$Latest", ids.prefixed("ami", 17), "c5.xlarge", masterSg);
        LaunchTemplateRef mediaTemplate = new LaunchTemplateRef(ids.prefixed("lt", 17),
                stack + "-ASGMediaNodeLaunchTemplate", "$Latest", ids.prefixed("ami", 17), "c5.xlarge", mediaSg);

        AutoScalingGroup masters = new AutoScalingGroup(masterGroupName, groupArn(masterGroupName),
                "OpenViduProMasterNodeAutoScalingGroup", masterTemplate, sim.now().minus(Duration.ofMinutes(15)),
                sizes.masterGroupMin(), sizes.masterGroupMax(), options.masters(), "ELB", timings.masterGracePeriod(),
                subnets, List.of(tgArn), groupTags(stack, stackId, "OpenViduProMasterNodeAutoScalingGroup",
                Map.of("Name", stack + "-Master Node", "ov-cluster-member", "server")), false);
        AutoScalingGroup media = new AutoScalingGroup(mediaGroupName, groupArn(mediaGroupName),
                "MediaNodeAutoScalingGroup", mediaTemplate, sim.now().minus(Duration.ofMinutes(15)),
                sizes.mediaGroupMin(), sizes.mediaGroupMax(), options.media(), "EC2", timings.mediaGracePeriod(),
                subnets, List.of(), groupTags(stack, stackId, "MediaNodeAutoScalingGroup",
                Map.of("Name", stack + "-Media Node", "ov-cluster-member", "kms", "ov-medianode-status", "running")), true);
        media.addHook(new LifecycleHook(stack + "-LaunchMediaNodeLifeCycleHook", mediaGroupName, LifecycleHook.LAUNCHING,
                timings.lifecycleHookHeartbeat(), "CONTINUE"));
        if (!sim.has(Fault.MEDIA_TERMINATE_HOOK_MISSING)) {
            media.addHook(new LifecycleHook(stack + "-TerminateMediaNodeLifeCycleHook", mediaGroupName, LifecycleHook.TERMINATING,
                    timings.lifecycleHookHeartbeat(), "ABANDON"));
        }
        String alarmHigh = stack + "-MediaNodeCPUAlarmHigh-" + cfnSuffix();
        String alarmLow = stack + "-MediaNodeCPUAlarmLow-" + cfnSuffix();
        // Fault media-scaling-policy-drift: the scale-up policy was edited to add two nodes at a time.
        int scaleUp = sim.has(Fault.MEDIA_SCALING_POLICY_DRIFT) ? 2 : sizes.scaleUpAdjustment();
        media.addPolicy(policy(stack + "-MediaNodeScaleUpPolicy-" + cfnSuffix(), mediaGroupName, scaleUp, alarmHigh));
        media.addPolicy(policy(stack + "-MediaNodeScaleDownPolicy-" + cfnSuffix(), mediaGroupName, -1, alarmLow));

        world.autoScaling().add(masters);
        world.autoScaling().add(media);
        // The stack was deployed a while ago: its members are past every grace period.
        java.time.Instant launched = sim.now().minus(Duration.ofMinutes(12));
        for (int i = 0; i < options.masters(); i++) {
            world.autoScaling().seedInService(masters, subnets.get(i % subnets.size()), launched);
        }
        for (int i = 0; i < options.media(); i++) {
            world.autoScaling().seedInService(media, subnets.get(i % subnets.size()), launched);
        }

        StackTopology topology = new StackTopology(stack, masterGroupName, mediaGroupName, tgArn, lbArn, bucket,
                stack + "-SQS.fifo", stack + "-asg-lifecycle-rule", stack + "-asg-rule", lower + ".ovha.test");
        world.setTopology(topology);
        // The template's config bucket, created with the stack; the first master writes its .env.
        world.s3().createBucket(bucket, region, sim.now().minus(Duration.ofMinutes(20)));
        Stack described = new StackDescription(options, sim, topology, sizes).stack(stackId, lbDns, bucket,
                clusterId, certificateArn, vpcId, subnets, world);
        world.cloudFormation().put(described);
        new EventPlumbingSeed(sim, world, described).build(sim.now().minus(Duration.ofMinutes(25)));
        seedOpenVidu(world, described, bucket);
        return world;
    }

    /** The OpenVidu side as the deployed stack runs it: every master up, every media node registered. */
    private void seedOpenVidu(World world, Stack stack, String bucket) {
        ConfigStore store = new S3ConfigStore(world.s3(), bucket);
        store.write(InitialDotEnv.of(stack, options.secret(), bucket, options.region()).format());
        OpenViduCluster cluster = new OpenViduCluster(sim, world.ec2(), world.topology(), options.version(), options.secret(), store);
        world.masterGroup().activeInstances().forEach(m -> cluster.seedMaster(world.ec2().instance(m.instanceId()).orElseThrow()));
        world.mediaGroup().activeInstances().forEach(m -> cluster.seedMediaNode(world.ec2().instance(m.instanceId()).orElseThrow()));
        world.setOpenVidu(cluster);
        cluster.consumeFrom(world.sqs());
    }

    private Subnet subnet(String vpcId, String cidr, Zone zone, String name) {
        String id = ids.prefixed("subnet", 17);
        return new Subnet(id, account.arn("ec2", "subnet/" + id), vpcId, cidr, zone, Map.of("Name", name));
    }

    private String groupArn(String name) {
        return account.arn("autoscaling", "autoScalingGroup:" + ids.uuid() + ":autoScalingGroupName/" + name);
    }

    private List<GroupTag> groupTags(String stack, String stackId, String logicalId, Map<String, String> own) {
        java.util.ArrayList<GroupTag> tags = new java.util.ArrayList<>();
        new java.util.TreeMap<>(own).forEach((k, v) -> tags.add(new GroupTag(k, v, true)));
        tags.add(new GroupTag("aws:cloudformation:logical-id", logicalId, true));
        tags.add(new GroupTag("aws:cloudformation:stack-id", stackId, true));
        tags.add(new GroupTag("aws:cloudformation:stack-name", stack, true));
        return tags;
    }

    private ScalingPolicy policy(String name, String groupName, int adjustment, String alarmName) {
        String arn = account.arn("autoscaling", "scalingPolicy:" + ids.uuid() + ":autoScalingGroupName/" + groupName
                + ":policyName/" + name);
        return new ScalingPolicy(name, arn, groupName, "SimpleScaling", "ChangeInCapacity", adjustment,
                (int) sim.timings().scalingCooldown().toSeconds(),
                List.of(new ScalingPolicy.Alarm(alarmName, account.arn("cloudwatch", "alarm:" + alarmName))));
    }

    private String cfnSuffix() {
        return ids.upperAlphanumeric(12);
    }

    /** AWS's zone-id prefix: {@code us-east-1 → use1}, {@code eu-west-1 → euw1}, {@code ap-southeast-2 → apse2}. */
    static String shortRegion(String region) {
        String[] parts = region.split("-");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (Character.isDigit(part.charAt(0))) {
                sb.append(part);
            } else {
                for (String direction : List.of("north", "south", "east", "west", "central")) {
                    if (part.contains(direction)) {
                        sb.append(direction.charAt(0));
                    }
                }
            }
        }
        return sb.toString();
    }
}
