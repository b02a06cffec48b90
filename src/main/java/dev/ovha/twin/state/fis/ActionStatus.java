package dev.ovha.twin.state.fis;

import java.util.Locale;

/** An action's {@code state.status}: the experiment's statuses plus {@code skipped}. */
public enum ActionStatus {
    PENDING, INITIATING, RUNNING, COMPLETED, CANCELLED, STOPPING, STOPPED, FAILED, SKIPPED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == CANCELLED || this == STOPPED || this == FAILED || this == SKIPPED;
    }
}
