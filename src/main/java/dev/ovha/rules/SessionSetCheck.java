package dev.ovha.rules;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Jepsen's set check on OpenVidu sessions across a master's death. Before the fault each session was
 * acknowledged (created, 200) and placed on a master; after the recovery each was read back through the
 * balancer, and the dead master's were created again under the same id, as a client retries.
 *
 * @param lost       acknowledged on a surviving master, gone afterwards: the stack lost them
 * @param unexpected read back although never acknowledged (ours by their prefix), or a dead master's session
 *                   answered by nobody's count: the stack invented them
 * @param gone       the dead master's sessions, gone as the vendor documents (404)
 * @param recovered  of those, created again under the same id
 * @param notRecreated the dead master's sessions that could not be created again
 * @param survived   acknowledged on a surviving master and still there
 * @param kept       the dead master's sessions still answered: the vendor documents them as destroyed, so a
 *                   stack that keeps them is reported, not failed
 */
public record SessionSetCheck(Set<String> lost, Set<String> unexpected, Set<String> gone, Set<String> recovered,
                              Set<String> notRecreated, Set<String> survived, Set<String> kept) {
    public SessionSetCheck {
        lost = Set.copyOf(new TreeSet<>(lost));
        unexpected = Set.copyOf(new TreeSet<>(unexpected));
        gone = Set.copyOf(new TreeSet<>(gone));
        recovered = Set.copyOf(new TreeSet<>(recovered));
        notRecreated = Set.copyOf(new TreeSet<>(notRecreated));
        survived = Set.copyOf(new TreeSet<>(survived));
        kept = Set.copyOf(new TreeSet<>(kept));
    }

    /**
     * @param owners     every acknowledged session and the master that hosted it before the fault
     * @param deadMaster the master the fault killed
     * @param present    of the acknowledged sessions, those the cluster still answered afterwards
     * @param ours       every session the cluster listed afterwards whose id carries our prefix
     * @param recreated  the dead master's sessions created again under their id
     */
    public static SessionSetCheck of(Map<String, String> owners, String deadMaster, Set<String> present,
                                     Set<String> ours, Set<String> recreated) {
        Set<String> lost = new TreeSet<>();
        Set<String> survived = new TreeSet<>();
        Set<String> gone = new TreeSet<>();
        Set<String> kept = new TreeSet<>();
        owners.forEach((session, owner) -> {
            boolean there = present.contains(session);
            if (owner.equals(deadMaster)) {
                (there ? kept : gone).add(session);
            } else if (there) {
                survived.add(session);
            } else {
                lost.add(session);
            }
        });
        Set<String> unexpected = new TreeSet<>(ours);
        unexpected.removeAll(owners.keySet());
        Set<String> recovered = new TreeSet<>(gone);
        recovered.retainAll(recreated);
        Set<String> notRecreated = new TreeSet<>(gone);
        notRecreated.removeAll(recreated);
        return new SessionSetCheck(lost, unexpected, gone, recovered, notRecreated, survived, kept);
    }

    /** {@code lost 0, unexpected 0, recovered 2 of 2 (the dead master's), survived 4}. */
    public String numbers() {
        return "lost " + lost.size() + ", unexpected " + unexpected.size() + ", recovered " + recovered.size() + " of "
                + gone.size() + " (the dead master's), survived " + survived.size()
                + (kept.isEmpty() ? "" : ", kept " + kept.size() + " of the dead master's (documented as destroyed)");
    }
}
