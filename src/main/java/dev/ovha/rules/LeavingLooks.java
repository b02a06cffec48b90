package dev.ovha.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the harness saw of a media node leaving its group, look by look. A look asks Auto Scaling for the member's
 * lifecycle state, then the masters for their list, then Auto Scaling again, so the order of the answers is known and
 * two things can be proven from a single look:
 * <ul>
 * <li>the masters no longer list the node and, <em>afterwards</em>, the terminating hook still holds the instance: they
 * dropped it while the hook held it, on its terminate event (what the hook is for);</li>
 * <li>the hook had already let the instance go and, <em>afterwards</em>, the masters still list the node as running:
 * they had not acted on its terminate event in time, and will only find the node crashed.</li>
 * </ul>
 * On the twin the hook's 30 s last half a second, so a slow harness (a loaded machine, a long poll interval) may see
 * neither moment: it only sees the node listed while held, then gone after. That is not evidence either way, and the
 * masters' logs, which keep when they acted, decide instead.
 *
 * @param instanceId the leaving media instance
 * @param looks      every look, oldest first
 */
public record LeavingLooks(String instanceId, List<Look> looks) {
    /** The lifecycle states in which the terminating hook (or the draining before it) still holds the instance. */
    static final Set<String> HELD = Set.of("Terminating", "Terminating:Wait");
    /** The member's state once the group no longer lists it. */
    public static final String GONE = "gone";

    public LeavingLooks {
        looks = List.copyOf(looks);
    }

    public static LeavingLooks none(String instanceId) {
        return new LeavingLooks(instanceId, List.of());
    }

    /**
     * One look.
     *
     * @param before   the member's lifecycle state before the masters were asked ({@link #GONE} when the group no longer
     *                 lists it)
     * @param listedAs the node's status in the masters' list, empty when they do not list it
     * @param after    the member's lifecycle state after the masters answered
     */
    public record Look(String before, Optional<String> listedAs, String after) {
        /** The masters had dropped the node while the hook still held the instance. */
        boolean droppedWhileHeld() {
            return listedAs.isEmpty() && HELD.contains(after);
        }

        /** The hook had let the instance go, and then the masters still listed the node as anything but leaving. */
        boolean keptAfterRelease() {
            return released(before) && listedAs.filter(s -> !s.equals("terminating") && !s.equals("terminated")).isPresent();
        }

        @Override
        public String toString() {
            return before + " / " + listedAs.map(s -> "listed " + s).orElse("not listed") + " / " + after;
        }
    }

    public LeavingLooks with(Look look) {
        List<Look> more = new ArrayList<>(looks);
        more.add(look);
        return new LeavingLooks(instanceId, more);
    }

    /** Whether the state is past the terminating hook (or was never held by one). */
    static boolean released(String lifecycleState) {
        return !lifecycleState.equals("InService") && !HELD.contains(lifecycleState);
    }

    /** Seen: the masters dropped the node while the hook held its instance. */
    public Optional<Look> droppedWhileHeld() {
        return looks.stream().filter(Look::droppedWhileHeld).findFirst();
    }

    /** Seen: the masters still listed the node as running after the hook had let its instance go. */
    public Optional<Look> keptAfterRelease() {
        return looks.stream().filter(Look::keptAfterRelease).findFirst();
    }

    /** Either moment seen, or nothing more to see: the instance let go and no longer listed. */
    public boolean decided() {
        return droppedWhileHeld().isPresent() || keptAfterRelease().isPresent()
                || (!looks.isEmpty() && released(last().after()) && last().listedAs().isEmpty());
    }

    /** For wait messages and evidence: how many looks, the first and the last. */
    public String describe() {
        if (looks.isEmpty()) {
            return "no look yet";
        }
        return looks.size() + " look(s) (member before / masters / member after): first " + looks.get(0) + ", last " + last();
    }

    private Look last() {
        return looks.get(looks.size() - 1);
    }
}
