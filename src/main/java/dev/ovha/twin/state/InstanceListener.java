package dev.ovha.twin.state;

/** Told about every EC2 state transition, under the state lock. */
@FunctionalInterface
public interface InstanceListener {
    void onTransition(Instance instance, InstanceState previous);
}
