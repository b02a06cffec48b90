package dev.ovha.twin.state;

import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.openvidu.OpenViduCluster;
import dev.ovha.twin.sim.SeededIds;
import dev.ovha.twin.sim.Sim;
import dev.ovha.twin.state.cloudwatch.CloudWatchState;
import dev.ovha.twin.state.cloudwatch.SteadyCpuSource;
import dev.ovha.twin.state.events.EventsState;
import dev.ovha.twin.state.fis.FisState;
import dev.ovha.twin.state.sqs.SqsState;

/**
 * The whole state of one twin: EC2 (with the VPC's {@link NetworkState}), ELBv2, Auto Scaling,
 * CloudFormation, S3, the event plumbing (SQS, EventBridge, CloudWatch), FIS and the OpenVidu side,
 * wired together so that their dynamics interact (a group launches instances, registers them with its
 * target group, and replaces them when the target group finds them unhealthy; its lifecycle hooks emit
 * events that EventBridge delivers to the stack's queue; CloudWatch alarms execute its scaling
 * policies; FIS experiments terminate, stop, cut off and stress its instances).
 */
public final class World {

    private final Sim sim;
    private final Ec2State ec2;
    private final ElbState elb;
    private final AutoScalingState autoScaling;
    private final CloudFormationState cloudFormation;
    private final S3State s3;
    private final SqsState sqs;
    private final EventsState events;
    private final CloudWatchState cloudWatch;
    private final FisState fis;
    private StackTopology topology;
    private OpenViduCluster openVidu;
    private SsmState ssm;

    public World(Sim sim, Ec2State ec2) {
        this.sim = sim;
        this.ec2 = ec2;
        this.elb = new ElbState(sim);
        this.autoScaling = new AutoScalingState(sim, ec2, elb);
        this.cloudFormation = new CloudFormationState();
        this.s3 = new S3State(sim);
        SeededIds plumbing = sim.ids().fork("event-plumbing");
        this.sqs = new SqsState(sim, plumbing);
        this.events = new EventsState(sim, plumbing, sqs);
        this.autoScaling.addLifecycleListener(events);
        long cpuSeed = Long.parseUnsignedLong(sim.ids().fork("cpu").hex(16), 16);
        this.cloudWatch = new CloudWatchState(sim, ec2, sqs, new SteadyCpuSource(cpuSeed));
        this.cloudWatch.setAlarmActions((alarm, action) -> autoScaling.executePolicy(action, alarm.name()));
        this.fis = new FisState(sim, ec2, cloudWatch, id -> ssm != null && ssm.isManaged(id));
    }

    public Sim sim() {
        return sim;
    }

    public Ec2State ec2() {
        return ec2;
    }

    public ElbState elb() {
        return elb;
    }

    public AutoScalingState autoScaling() {
        return autoScaling;
    }

    public CloudFormationState cloudFormation() {
        return cloudFormation;
    }

    public S3State s3() {
        return s3;
    }

    public SqsState sqs() {
        return sqs;
    }

    public EventsState events() {
        return events;
    }

    public CloudWatchState cloudWatch() {
        return cloudWatch;
    }

    /** AWS Fault Injection Service: templates and the experiments run on this stack. */
    public FisState fis() {
        return fis;
    }

    /**
     * Which subnets are cut off (FIS's disrupt-connectivity): ask {@code network().isReachable(instanceId)}
     * before letting an instance talk to anything (health checks, SSM, the masters' SQS polling).
     */
    public NetworkState network() {
        return ec2.network();
    }

    public StackTopology topology() {
        return topology;
    }

    public void setTopology(StackTopology topology) {
        this.topology = topology;
    }

    /** The OpenVidu side; its masters answer the target group's health checks. */
    public OpenViduCluster openVidu() {
        return openVidu;
    }

    public void setOpenVidu(OpenViduCluster cluster) {
        this.openVidu = cluster;
        this.elb.setProbe(cluster);
        // SSM reaches an instance only over the network: a cut-off subnet's instances are not reachable.
        this.ssm = new SsmState(sim, id -> cluster.ssmManaged(id) && ec2.network().isReachable(id), cluster::shell);
    }

    /** SSM Run Command over the stack's instances. */
    public SsmState ssm() {
        return ssm;
    }

    public AutoScalingGroup masterGroup() {
        return autoScaling.group(topology.masterGroupName()).orElseThrow();
    }

    public AutoScalingGroup mediaGroup() {
        return autoScaling.group(topology.mediaGroupName()).orElseThrow();
    }

    /**
     * Makes a behaviour fault take effect on the running stack (or stop taking effect). Topology faults
     * are applied when the stack is built; see {@code Twin#inject}.
     */
    public void applyBehaviour(Fault fault, boolean active) {
        switch (fault) {
            case MASTER_UNHEALTHY -> openVidu.setFailingMaster(active
                    ? masterGroup().activeInstances().stream().findFirst().map(GroupInstance::instanceId).orElse(null)
                    : null);
            case NO_MASTER_REPLACEMENT -> {
                if (active) {
                    masterGroup().suspend("Launch");
                } else {
                    masterGroup().resume("Launch");
                    autoScaling.reconcile(masterGroup());
                }
            }
            case SLOW_MASTER_REPLACEMENT, LB_STICKY, SESSIONS_LOST_ON_FAILOVER, RESTART_NOT_PERSISTED, NO_AUTORESTART,
                 CERT_WRONG_HOST, CERT_EXPIRING, MASTERS_NOT_SSM_MANAGED,
                 LAUNCH_NOT_REGISTERED, TERMINATE_NOT_DEREGISTERED, EVENTS_NOT_CONSUMED, DOMAIN_ELSEWHERE,
                 SESSIONS_NOT_SHARED, AUTORESTART_IGNORED, CERT_EXPIRED -> {
                // Read where they act (master boot, load balancer, restart, S3 watch, certificate, sessions).
            }
            case CONFIG_DRIFT -> openVidu.setConfigDrift(active);
            case ENV_OUT_OF_SYNC -> openVidu.setEnvOutOfSync(active);
            case MEDIA_VIEW_DIFFERS -> {
                // Read where it acts: the REST API's media-node list of the first master.
            }
            case CLUSTER_UNSTABLE -> openVidu.setUnstable(active);
            case EVENTS_NOT_DELIVERED -> {
                if (active) {
                    events.detachAllTargets();
                } else {
                    events.reattachTargets();
                }
            }
            default -> throw new IllegalArgumentException(fault.id() + " is not a behaviour fault");
        }
    }
}
