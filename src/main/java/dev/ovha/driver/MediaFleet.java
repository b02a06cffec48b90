package dev.ovha.driver;

import dev.ovha.aws.AwsClients;
import dev.ovha.openvidu.OpenViduApi;
import dev.ovha.openvidu.RegisteredMediaNode;
import dev.ovha.report.Evidence;
import java.util.List;
import java.util.Map;

/**
 * The stack's media nodes from both sides: the media group's instances (AWS) and the media nodes the
 * masters have registered (OpenVidu). The documented check is that the two agree.
 */
public final class MediaFleet {
    private final AutoScalingGroups groups;
    private final Ec2Instances instances;
    private final OpenViduApi api;

    public MediaFleet(AwsClients aws, OpenViduApi api, Evidence evidence) {
        this.groups = new AutoScalingGroups(aws, evidence);
        this.instances = new Ec2Instances(aws, evidence);
        this.api = api;
    }

    /** The media group's InService instances with their private IPs. */
    public List<MediaInstance> inService(Stack stack) {
        List<GroupView.GroupMember> members = groups.group(stack.mediaGroupName()).inService();
        Map<String, String> ips = instances.privateIps(members.stream().map(GroupView.GroupMember::instanceId).toList());
        return members.stream().map(m -> new MediaInstance(m.instanceId(), m.zone(), m.lifecycleState(),
                ips.getOrDefault(m.instanceId(), ""))).toList();
    }

    /** The media nodes the masters have registered, through the load balancer. */
    public List<RegisteredMediaNode> registered() {
        return api.mediaNodes();
    }
}
