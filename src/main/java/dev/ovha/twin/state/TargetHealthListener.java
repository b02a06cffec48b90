package dev.ovha.twin.state;

/** Told whenever a target changes health state, under the state lock. */
@FunctionalInterface
public interface TargetHealthListener {
    void onTargetHealth(TargetGroup group, Target target, TargetHealthState previous);
}
