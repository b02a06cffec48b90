package dev.ovha.chaos;

import java.util.Map;

/**
 * The tags ovha puts on every FIS experiment template and experiment it creates. FIS cannot filter its
 * listings by tag, so they are read client-side: by the undo of one journal entry ({@link #ENTRY}) and by
 * the sweeper that finds what a crashed run left ({@link #RUN_ID} on our {@link #STACK}).
 */
public final class FisTags {
    public static final String RUN_ID = "ovha:run-id";
    public static final String SCENARIO = "ovha:scenario";
    public static final String STACK = "ovha:stack";
    /** The journal entry whose change created the object: its undo finds the object by this tag. */
    public static final String ENTRY = "ovha:entry";

    private FisTags() {
    }

    /** The tags of an object created by journal entry {@code entry}. Tag values are capped at 256 characters. */
    public static Map<String, String> of(PendingUndo entry) {
        return Map.of(RUN_ID, entry.runId(), SCENARIO, cap(entry.scenario()), STACK, entry.stack(), ENTRY, entry.id());
    }

    private static String cap(String value) {
        return value.length() <= 256 ? value : value.substring(0, 256);
    }
}
