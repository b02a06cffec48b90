package dev.ovha.driver;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The masters as AWS sees them at one moment: their group, their target group, the targets registered
 * there, and each master with its health.
 *
 * @param group       the master Auto Scaling group
 * @param targetGroup the target group the load balancer forwards to
 * @param targets     every target registered in it (masters or not)
 * @param masters     every member of the group, with its target health
 */
public record MasterFleetView(GroupView group, TargetGroupView targetGroup, List<TargetView> targets,
                              List<Master> masters) {
    public MasterFleetView {
        targets = List.copyOf(targets);
        masters = List.copyOf(masters);
    }

    /** The masters the load balancer sends requests to. */
    public List<Master> serving() {
        return masters.stream().filter(Master::serving).toList();
    }

    public Set<String> servingIds() {
        return serving().stream().map(Master::instanceId).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
