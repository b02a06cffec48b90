package dev.ovha.twin.state;

import dev.ovha.twin.sim.Sim;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Simple scaling policies as Auto Scaling documents them: a policy changes the group's desired capacity
 * by its adjustment, clamped to MinSize..MaxSize; then no simple policy acts again until the launches
 * and terminations it caused are over — the new instances InService (past their launch hook), the old
 * ones terminated (past draining and their terminate hook) — and then for the policy's cooldown. A
 * change that moved no instance (every member protected from scale-in) starts the cooldown at once.
 * Owned by {@link AutoScalingState}; call under the world's lock.
 */
final class SimpleScaling {

    private final Map<String, GroupCooldown> groups = new HashMap<>();

    private static final class GroupCooldown {
        private final Set<String> unsettled = new LinkedHashSet<>();
        private Duration cooldown = Duration.ZERO;
        private Instant until = Instant.MIN;
    }

    /**
     * Executes {@code policy} for the alarm {@code alarmName}; {@code reconcile} brings the group to its
     * new desired capacity. Returns whether the capacity changed: within the cooldown, or at the limit
     * already, nothing happens and nothing is recorded, as in AWS.
     */
    boolean execute(AutoScalingGroup group, ScalingPolicy policy, String alarmName, Sim sim, Runnable reconcile) {
        if (!"ChangeInCapacity".equals(policy.adjustmentType()) || !mayScale(group, sim.now())) {
            return false;
        }
        int previous = group.desiredCapacity();
        int next = Math.max(group.minSize(), Math.min(group.maxSize(), previous + policy.scalingAdjustment()));
        if (next == previous) {
            return false;
        }
        List<String> before = activeIds(group);
        group.setSizes(group.minSize(), group.maxSize(), next);
        group.setPendingCause("At " + sim.now().truncatedTo(ChronoUnit.SECONDS) + " a monitor alarm " + alarmName
                + " in state ALARM triggered policy " + policy.name() + " changing the desired capacity from "
                + previous + " to " + next + ".");
        sim.log().record("asg.policy", group.name(), "policy", policy.name(), "alarm", alarmName,
                "from", String.valueOf(previous), "to", String.valueOf(next));
        sim.log().record("asg.desired", group.name(), "from", String.valueOf(previous), "to", String.valueOf(next));
        reconcile.run();
        List<String> after = activeIds(group);
        Set<String> moved = new LinkedHashSet<>();
        after.stream().filter(id -> !before.contains(id)).forEach(moved::add);
        before.stream().filter(id -> !after.contains(id)).forEach(moved::add);
        GroupCooldown state = groups.computeIfAbsent(group.name(), n -> new GroupCooldown());
        state.unsettled.clear();
        state.unsettled.addAll(moved);
        state.cooldown = Duration.ofSeconds(policy.cooldownSeconds());
        state.until = moved.isEmpty() ? sim.now().plus(state.cooldown) : Instant.MAX;
        return true;
    }

    /** An instance reached InService or Terminated: if it was the last one a policy moved, the cooldown starts. */
    void settled(AutoScalingGroup group, String instanceId, Instant now) {
        GroupCooldown state = groups.get(group.name());
        if (state != null && state.unsettled.remove(instanceId) && state.unsettled.isEmpty()) {
            state.until = now.plus(state.cooldown);
        }
    }

    private boolean mayScale(AutoScalingGroup group, Instant now) {
        GroupCooldown state = groups.get(group.name());
        if (state == null) {
            return true;
        }
        // A member that left the group some other way (replaced, detached) no longer holds the cooldown back.
        if (state.unsettled.removeIf(id -> group.instance(id).isEmpty()) && state.unsettled.isEmpty()) {
            state.until = now.plus(state.cooldown);
        }
        return state.unsettled.isEmpty() && !now.isBefore(state.until);
    }

    private static List<String> activeIds(AutoScalingGroup group) {
        return group.activeInstances().stream().map(GroupInstance::instanceId).toList();
    }
}
