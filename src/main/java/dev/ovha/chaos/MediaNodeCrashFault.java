package dev.ovha.chaos;

import java.util.List;

/**
 * Crashes one media node: its instance is terminated without the group's knowledge (no lifecycle hook, no
 * drain), as when the hardware under it fails. The media group is scale-in protected, so only a crash like
 * this takes a node away from under its sessions.
 */
public final class MediaNodeCrashFault {
    static final String FAULT = "crash one media node";
    private final FaultContext context;

    public MediaNodeCrashFault(FaultContext context) {
        this.context = context;
    }

    /** Terminates {@code victim}, a running member of {@code mediaGroup}. */
    public Injection inject(String scenario, String mediaGroup, String victim, List<String> running) {
        if (!running.contains(victim)) {
            throw new IllegalArgumentException(victim + " is not a running media node of " + mediaGroup);
        }
        return context.terminateDirectly(scenario, FAULT, mediaGroup, victim, "a media node crash");
    }
}
