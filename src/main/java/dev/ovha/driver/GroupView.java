package dev.ovha.driver;

import java.util.List;

/**
 * An Auto Scaling group as DescribeAutoScalingGroups reports it.
 *
 * @param name               group name
 * @param minSize            MinSize
 * @param maxSize            MaxSize
 * @param desiredCapacity    DesiredCapacity
 * @param members            its instances
 * @param suspendedProcesses processes someone suspended (Launch, Terminate, ReplaceUnhealthy, ...)
 * @param healthCheckType    EC2 or ELB
 * @param gracePeriodSeconds HealthCheckGracePeriod
 * @param targetGroupArns    target groups its members are registered with
 */
public record GroupView(String name, int minSize, int maxSize, int desiredCapacity, List<GroupMember> members,
                        List<String> suspendedProcesses, String healthCheckType, int gracePeriodSeconds,
                        List<String> targetGroupArns) {
    public GroupView {
        members = List.copyOf(members);
        suspendedProcesses = List.copyOf(suspendedProcesses);
        targetGroupArns = List.copyOf(targetGroupArns);
    }

    public List<GroupMember> inService() {
        return members.stream().filter(GroupMember::inService).toList();
    }

    /**
     * One instance of a group.
     *
     * @param instanceId     EC2 instance id
     * @param zone           availability zone
     * @param lifecycleState InService, Pending, Terminating, ...
     * @param healthStatus   Healthy or Unhealthy, as the group judges it
     */
    public record GroupMember(String instanceId, String zone, String lifecycleState, String healthStatus) {
        public boolean inService() {
            return lifecycleState.equals("InService");
        }
    }
}
