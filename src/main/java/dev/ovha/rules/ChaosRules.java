package dev.ovha.rules;

import dev.ovha.chaos.ChaosBudgets;
import dev.ovha.driver.Master;
import dev.ovha.driver.MasterFleetView;
import dev.ovha.probe.TimelineSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the @disruptive scenarios promise, as defects that name what the stack did wrong and where to look. */
public final class ChaosRules {
    private ChaosRules() {
    }

    /** Users saw errors no longer than the budget allows, and enough of their requests succeeded. */
    public static List<String> withinErrorBudget(TimelineSummary seen, ChaosBudgets budgets, String fault) {
        List<String> defects = new ArrayList<>();
        if (seen.longestErrorWindow() != null && seen.longestErrorWindow().duration().compareTo(budgets.errorWindow()) > 0) {
            defects.add(String.format(Locale.ROOT, "During %s, API requests through the load balancer failed for %.1f s"
                            + " at a stretch (%d failures from %s), longer than the error budget of %d s"
                            + " (ovha.chaos.errorWindowBudget): %s. The load balancer should stop sending requests to a"
                            + " lost master within its health check's unhealthy threshold, and the other masters must"
                            + " keep serving.", fault, seen.longestErrorWindow().durationMillis() / 1000.0,
                    seen.longestErrorWindow().failures(), seen.longestErrorWindow().start(),
                    budgets.errorWindow().toSeconds(), seen.outcomes()));
        }
        if (seen.successRatio() < budgets.minSuccessRatio()) {
            defects.add(String.format(Locale.ROOT, "During %s, only %.1f %% of %d API requests succeeded, below the"
                            + " %.0f %% the budget asks (ovha.chaos.minSuccessRatio); outcomes %s.", fault,
                    100 * seen.successRatio(), seen.requests(), 100 * budgets.minSuccessRatio(), seen.outcomes()));
        }
        return defects;
    }

    /** Every session on a surviving master survived; the dead master's could be created again; nothing invented. */
    public static List<String> noSessionLost(SessionSetCheck check, String deadMaster) {
        List<String> defects = new ArrayList<>();
        if (!check.lost().isEmpty()) {
            defects.add("Sessions were lost when master " + deadMaster + " died: " + check.lost().size()
                    + " session(s) hosted by the surviving masters are gone " + check.lost() + " (" + check.numbers()
                    + "). Only the dead master's sessions may end; the masters share session state through Redis"
                    + " (ElastiCache), so check that it is reachable and that no master flushed it on failover.");
        }
        if (!check.unexpected().isEmpty()) {
            defects.add("After master " + deadMaster + " died the cluster lists sessions that were never created: "
                    + check.unexpected() + " (" + check.numbers() + ").");
        }
        if (!check.notRecreated().isEmpty()) {
            defects.add("The dead master's sessions " + check.notRecreated() + " could not be created again under"
                    + " their id, as the vendor tells applications to do after a master crash (" + check.numbers() + ").");
        }
        return defects;
    }

    /**
     * The masters serve again: the dead one (if any) gets no requests, every in-service master is a healthy
     * target, and as many serve as desired. A terminated member may linger as Terminating while its target
     * drains (the deregistration delay): users no longer reach it, so that wait is not part of the recovery.
     */
    public static List<String> mastersServingAgain(MasterFleetView fleet, Optional<String> deadMaster) {
        List<String> defects = new ArrayList<>();
        deadMaster.filter(fleet.servingIds()::contains).ifPresent(dead -> defects.add("The dead master " + dead
                + " is still a healthy target: the load balancer keeps sending it requests."));
        List<Master> notServing = fleet.masters().stream()
                .filter(m -> m.lifecycleState().equals("InService") && !m.serving()).toList();
        if (!notServing.isEmpty()) {
            defects.add("In-service masters not (yet) healthy targets: " + notServing.stream().map(Master::describe)
                    .collect(Collectors.joining("; ")) + ".");
        }
        defects.addAll(MasterRules.desiredCount(fleet));
        return defects;
    }

    /** The stack took no longer than the budget to be whole again. */
    public static List<String> recoveredWithin(Duration took, Duration budget, String what) {
        if (took.compareTo(budget) <= 0) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT, "%s took %.1f s, more than the recovery budget of %d s"
                + " (ovha.chaos.recoveryBudget).", what, took.toMillis() / 1000.0, budget.toSeconds()));
    }
}
