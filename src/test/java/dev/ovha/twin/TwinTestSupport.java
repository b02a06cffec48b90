package dev.ovha.twin;

import dev.ovha.twin.sim.TwinEvent;
import dev.ovha.twin.state.AutoScalingGroup;
import dev.ovha.twin.state.GroupInstance;
import dev.ovha.twin.state.LifecycleState;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Small readers over a twin's state for the twin's own tests. */
public final class TwinTestSupport {

    private TwinTestSupport() {
    }

    public static AutoScalingGroup masters(Twin twin) {
        return twin.inWorld(w -> w.masterGroup());
    }

    public static AutoScalingGroup media(Twin twin) {
        return twin.inWorld(w -> w.mediaGroup());
    }

    public static List<String> inService(Twin twin, AutoScalingGroup group) {
        return twin.inWorld(w -> group.instances().stream()
                .filter(i -> i.lifecycleState() == LifecycleState.IN_SERVICE)
                .map(GroupInstance::instanceId).toList());
    }

    /** Active (not terminating) members per availability zone. */
    public static Map<String, Long> perZone(Twin twin, AutoScalingGroup group) {
        return twin.inWorld(w -> group.activeInstances().stream()
                .collect(Collectors.groupingBy(GroupInstance::availabilityZone, Collectors.counting())));
    }

    public static String targetState(Twin twin, String instanceId) {
        return twin.inWorld(w -> w.elb().healthOf(instanceId).map(s -> s.apiName()).orElse("not registered"));
    }

    public static List<TwinEvent> events(Twin twin, String type, String subject) {
        return twin.events().all().stream()
                .filter(e -> e.type().equals(type) && (subject == null || e.subject().equals(subject)))
                .toList();
    }
}
