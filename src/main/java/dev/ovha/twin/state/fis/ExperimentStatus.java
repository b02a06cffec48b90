package dev.ovha.twin.state.fis;

import java.util.Locale;

/** An experiment's {@code state.status}, as FIS spells it on the wire. */
public enum ExperimentStatus {
    PENDING, INITIATING, RUNNING, COMPLETED, STOPPING, STOPPED, FAILED, CANCELLED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Completed, stopped, failed or cancelled: nothing will change any more. */
    public boolean isTerminal() {
        return this == COMPLETED || this == STOPPED || this == FAILED || this == CANCELLED;
    }
}
