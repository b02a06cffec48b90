package dev.ovha.rules;

import dev.ovha.driver.GroupView;
import dev.ovha.driver.MasterFleetView;
import dev.ovha.driver.MediaInstance;
import dev.ovha.driver.Stack;
import dev.ovha.openvidu.ClusterHealth;
import dev.ovha.openvidu.RegisteredMediaNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The steady state a stack must be in before ovha changes it (and that it must come back to): every master an
 * in-service healthy target, as many as desired; the media group at its desired size with every member
 * registered, running and connected; the cluster UP. The conformance checks' own rules, combined.
 */
public final class SteadyStateRules {
    private SteadyStateRules() {
    }

    /** What keeps the stack from its steady state; empty when it is steady. */
    public static List<String> defects(Stack stack, MasterFleetView masters, GroupView mediaGroup,
                                       List<MediaInstance> media, List<RegisteredMediaNode> registered,
                                       ClusterHealth health) {
        List<String> defects = new ArrayList<>();
        defects.addAll(MasterRules.healthyTargets(masters, stack));
        defects.addAll(MasterRules.desiredCount(masters));
        if (media.size() != mediaGroup.desiredCapacity()) {
            defects.add("The media group " + mediaGroup.name() + " desires " + mediaGroup.desiredCapacity()
                    + " media node(s) and has " + media.size() + " in service: it is still scaling.");
        }
        defects.addAll(MediaNodeRules.registeredAsRunning(media, registered, stack));
        defects.addAll(ConfigRules.healthyCluster(health, masters.serving()));
        return defects;
    }
}
