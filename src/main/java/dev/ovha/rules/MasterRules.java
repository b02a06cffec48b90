package dev.ovha.rules;

import dev.ovha.driver.Master;
import dev.ovha.driver.MasterFleetView;
import dev.ovha.driver.Stack;
import dev.ovha.driver.TargetView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The vendor's "check master nodes": healthy targets, as many as desired, spread over zones. */
public final class MasterRules {
    private MasterRules() {
    }

    /** Every member of the master group is in service and a healthy target of the target group named like the stack. */
    public static List<String> healthyTargets(MasterFleetView fleet, Stack stack) {
        List<String> defects = new ArrayList<>();
        String groupName = fleet.targetGroup().name();
        if (!groupName.equals(stack.name())) {
            defects.add("The masters' target group is named " + groupName + ", not " + stack.name()
                    + " like the stack, as the template names it: it was replaced outside CloudFormation.");
        }
        List<Master> notServing = fleet.masters().stream().filter(m -> !m.serving()).toList();
        if (!notServing.isEmpty()) {
            defects.add("Target group " + groupName + ": expected every master of " + fleet.group().name()
                    + " to be an in-service, healthy target, but " + notServing.stream().map(Master::describe)
                    .collect(Collectors.joining("; ")) + ". A master failing its health check is replaced by the"
                    + " group; if masters keep failing, read the replication-manager and openvidu-server logs on"
                    + " one (docker-compose logs in /opt/openvidu), as the vendor's troubleshooting section says.");
        }
        Set<String> members = fleet.masters().stream().map(Master::instanceId).collect(Collectors.toSet());
        List<TargetView> strangers = fleet.targets().stream().filter(t -> !members.contains(t.instanceId())).toList();
        if (!strangers.isEmpty()) {
            defects.add("Target group " + groupName + " also holds targets that are not masters of "
                    + fleet.group().name() + ": " + strangers.stream().map(t -> t.instanceId() + " " + t.explained())
                    .collect(Collectors.joining("; ")) + ". The load balancer may send API requests to them;"
                    + " deregister them.");
        }
        return defects;
    }

    /** As many masters serve as the group's desired capacity. */
    public static List<String> desiredCount(MasterFleetView fleet) {
        int desired = fleet.group().desiredCapacity();
        List<Master> serving = fleet.serving();
        if (serving.size() == desired) {
            return List.of();
        }
        String cause = fleet.group().suspendedProcesses().contains("Launch")
                ? " The group's Launch process is suspended, so nothing replaces a lost master: resume it"
                        + " (aws autoscaling resume-processes --auto-scaling-group-name " + fleet.group().name() + ")."
                : " A replacement may still be starting; if this lasts, read the group's scaling activities.";
        return List.of("Master group " + fleet.group().name() + ": desired capacity is " + desired + ", but "
                + serving.size() + " master(s) serve (in service and healthy): "
                + fleet.masters().stream().map(Master::describe).collect(Collectors.joining("; ")) + "." + cause);
    }

    /** With two or more masters, they stand in at least two availability zones. */
    public static List<String> zones(MasterFleetView fleet, Stack stack) {
        List<Master> masters = fleet.masters().stream().filter(m -> m.lifecycleState().equals("InService")).toList();
        TreeSet<String> zones = masters.stream().map(Master::zone).collect(Collectors.toCollection(TreeSet::new));
        if (masters.size() < 2 || zones.size() >= 2) {
            return List.of();
        }
        return List.of("Master group " + fleet.group().name() + ": expected its " + masters.size() + " masters in"
                + " at least 2 availability zones, found " + masters.size() + " in " + zones.first() + " only."
                + " Check the OpenViduSubnets parameter (" + String.join(", ", stack.subnetIds()) + "): it needs"
                + " subnets in two zones.");
    }
}
