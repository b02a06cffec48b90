package dev.ovha.rules;

import dev.ovha.probe.BalancingSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The vendor's "check OpenVidu API load balancing", with a bound on how long a master may go unseen. */
public final class BalancingRules {
    private BalancingRules() {
    }

    /** Every answer names a healthy master, and every healthy master answered within the bound. */
    public static List<String> everyMasterAnswers(BalancingSample sample, Set<String> healthyMasters, String targetGroup) {
        List<String> defects = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>(sample.answeredBy());
        TreeSet<String> unknown = new TreeSet<>(seen);
        unknown.removeAll(healthyMasters);
        if (!unknown.isEmpty()) {
            defects.add("Requests through the domain were answered by " + unknown + ", which "
                    + (unknown.size() == 1 ? "is" : "are") + " not a healthy master of target group " + targetGroup
                    + " (healthy: " + healthyMasters + "): something else answers behind the load balancer, or a"
                    + " master reports another instance's AWS_INSTANCE_ID in its .env.");
        }
        TreeSet<String> missed = new TreeSet<>(healthyMasters);
        missed.removeAll(seen);
        if (!missed.isEmpty()) {
            defects.add("After " + sample.requests() + " requests to /openvidu/api/config (the bound: "
                    + sample.bound().explained() + ") only " + seen + " answered, never " + missed + ": the load"
                    + " balancer does not spread requests over the healthy masters. Check that stickiness is off on"
                    + " target group " + targetGroup + " and that its routing algorithm is round robin.");
        }
        return defects;
    }
}
