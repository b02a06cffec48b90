package dev.ovha.twin.state;

/**
 * Told, under the state lock, when a group member enters {@code Pending:Wait} or {@code Terminating:Wait}
 * because of a lifecycle hook: the moment Auto Scaling emits its "EC2 Instance-launch/terminate
 * Lifecycle Action" event to EventBridge.
 */
@FunctionalInterface
public interface LifecycleActionListener {
    void onLifecycleAction(AutoScalingGroup group, GroupInstance member, LifecycleHook hook);
}
