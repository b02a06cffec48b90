package dev.ovha.twin.sim;

import java.util.EnumSet;
import java.util.Set;

/** The set of faults currently injected into a twin; thread-safe. */
public final class ActiveFaults {

    private final Set<Fault> active = EnumSet.noneOf(Fault.class);

    public ActiveFaults(Set<Fault> initial) {
        active.addAll(initial);
    }

    public synchronized boolean has(Fault fault) {
        return active.contains(fault);
    }

    public synchronized boolean add(Fault fault) {
        return active.add(fault);
    }

    public synchronized boolean remove(Fault fault) {
        return active.remove(fault);
    }

    public synchronized Set<Fault> snapshot() {
        return active.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(active);
    }
}
