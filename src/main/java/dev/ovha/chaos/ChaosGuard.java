package dev.ovha.chaos;

import dev.ovha.config.ConfigKey;
import dev.ovha.config.Target;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.fis.model.ActionsMode;

/**
 * Decides whether a change may be made, before anything is touched. Deciding is kept apart from
 * attacking: every check throws {@link ChaosRefused} (a skipped scenario with a one-line reason naming the
 * flag to set) or returns normally.
 *
 * <ul>
 *   <li>{@code @mutating} (reversible changes) needs {@code ovha.allow=<stack>}, {@code @disruptive}
 *       (faults) needs {@code ovha.chaos.allow=<stack>}; both are implied for the twin, which ovha starts
 *       and throws away itself. The value must name the discovered stack exactly: a typo refuses.</li>
 *   <li>A stack with a production tag is refused unless {@code ovha.chaos.allowProduction=<stack>}.</li>
 *   <li>Blast radius: one master at a time, and only while enough masters are healthy.</li>
 *   <li>Steady state first: a stack that is not steady is not attacked.</li>
 * </ul>
 */
public final class ChaosGuard {
    private final ChaosSettings settings;
    private final Target target;

    public ChaosGuard(ChaosSettings settings, Target target) {
        this.settings = settings;
        this.target = target;
    }

    /** May {@code @mutating} scenarios change this stack? */
    public void requireMutating(StackFacts stack) {
        requireOptIn(stack, ConfigKey.ALLOW, settings.allow(), "@mutating scenarios (reversible changes)");
        requireNotProduction(stack);
    }

    /** May {@code @disruptive} scenarios inject faults into this stack? */
    public void requireDisruptive(StackFacts stack) {
        requireOptIn(stack, ConfigKey.CHAOS_ALLOW, settings.chaosAllow(), "@disruptive scenarios (faults)");
        requireNotProduction(stack);
    }

    /**
     * Before a run starts: an opt-in that names another stack, or an opt-in for a production-tagged stack
     * without {@code ovha.chaos.allowProduction}, is bad input, not a reason to skip scenarios one by one
     * and end green. Such a run is refused as a whole, with one line saying what to set; a run without
     * opt-ins (read-only) is never refused here.
     */
    public void requireConsistentOptIns(StackFacts stack) {
        requireNamesTheStack(stack, ConfigKey.ALLOW, settings.allow());
        requireNamesTheStack(stack, ConfigKey.CHAOS_ALLOW, settings.chaosAllow());
        requireNamesTheStack(stack, ConfigKey.CHAOS_ALLOW_PRODUCTION, settings.allowProduction());
        Optional<OptIn> change = settings.allow().or(settings::chaosAllow);
        if (change.isPresent() && settings.allowProduction().isEmpty()) {
            productionTag(stack).ifPresent(tag -> {
                throw new ChaosRefused("refused: stack '" + stack.name() + "' carries the production tag " + tag
                        + " and " + (settings.allow().isPresent() ? ConfigKey.ALLOW : ConfigKey.CHAOS_ALLOW).key()
                        + " allows changing it " + change.get().source() + "; a production stack is changed only with -D"
                        + ConfigKey.CHAOS_ALLOW_PRODUCTION.key() + "=" + stack.name() + " as well (or run without the"
                        + " opt-in, read-only)");
            });
        }
    }

    private static void requireNamesTheStack(StackFacts stack, ConfigKey key, Optional<OptIn> optIn) {
        if (optIn.isPresent() && !optIn.get().stack().equals(stack.name())) {
            throw new ChaosRefused("refused: " + key.key() + " = '" + optIn.get().stack() + "' " + optIn.get().source()
                    + " does not name the stack under test '" + stack.name() + "'; set -D" + key.key() + "="
                    + stack.name() + ", or leave it unset for a run that changes nothing");
        }
    }

    private Optional<String> productionTag(StackFacts stack) {
        return stack.tags().entrySet().stream()
                .filter(tag -> settings.productionTagKeys().contains(tag.getKey().strip().toLowerCase(Locale.ROOT))
                        && settings.productionTagValues().contains(tag.getValue().strip().toLowerCase(Locale.ROOT)))
                .map(tag -> tag.getKey() + "=" + tag.getValue()).findFirst();
    }

    /**
     * May one more master be faulted now? Only when no other master is under a fault and at least
     * {@code ovha.chaos.minHealthyMasters} are healthy, so that the others keep serving.
     *
     * @param healthyMasters    masters the load balancer reports healthy right now
     * @param mastersUnderFault masters already faulted by this run and not yet recovered
     */
    public void requireMasterFault(int healthyMasters, int mastersUnderFault) {
        if (mastersUnderFault > 0) {
            throw new ChaosRefused("refused: a master fault is already in progress (" + mastersUnderFault
                    + "); ovha faults at most one master at a time");
        }
        if (healthyMasters < settings.minHealthyMasters()) {
            throw new ChaosRefused("refused: only " + healthyMasters + " healthy master(s), and a master fault needs"
                    + " at least " + settings.minHealthyMasters() + " (" + ConfigKey.CHAOS_MIN_HEALTHY_MASTERS.key()
                    + ") so that the others keep serving; wait for the stack to recover");
        }
    }

    /** A fault is only injected into a steady stack; otherwise the scenario is skipped, saying what was seen. */
    public void requireSteadyState(boolean steady, String observed) {
        if (!steady) {
            throw new ChaosRefused("skipped: the stack is not in its steady state before the fault (" + observed
                    + "); nothing was changed");
        }
    }

    /** Plan and record, change nothing. */
    public boolean dryRun() {
        return settings.dryRun();
    }

    /**
     * How FIS experiments run: {@code skip-all} in a dry run, so that FIS resolves and reports the targets
     * without acting on them; {@code run-all} otherwise.
     */
    public ActionsMode fisActionsMode() {
        return settings.dryRun() ? ActionsMode.SKIP_ALL : ActionsMode.RUN_ALL;
    }

    public ChaosSettings settings() {
        return settings;
    }

    private void requireOptIn(StackFacts stack, ConfigKey key, Optional<OptIn> optIn, String what) {
        if (target == Target.TWIN) {
            return;
        }
        String flag = "-D" + key.key() + "=" + stack.name();
        if (optIn.isEmpty()) {
            throw new ChaosRefused("refused: " + what + " change stack '" + stack.name() + "' on AWS only when"
                    + " allowed by name; set " + flag + " (or " + key.envName() + ")");
        }
        if (!optIn.get().stack().equals(stack.name())) {
            throw new ChaosRefused("refused: " + key.key() + " = '" + optIn.get().stack() + "' "
                    + optIn.get().source() + " does not name the stack under test '" + stack.name() + "'; set "
                    + flag);
        }
    }

    private void requireNotProduction(StackFacts stack) {
        Optional<Map.Entry<String, String>> production = stack.tags().entrySet().stream()
                .filter(tag -> settings.productionTagKeys().contains(tag.getKey().strip().toLowerCase(Locale.ROOT))
                        && settings.productionTagValues().contains(tag.getValue().strip().toLowerCase(Locale.ROOT)))
                .findFirst();
        if (production.isEmpty()) {
            return;
        }
        Optional<OptIn> override = settings.allowProduction();
        if (override.isPresent() && override.get().stack().equals(stack.name())) {
            return;
        }
        String tag = production.get().getKey() + "=" + production.get().getValue();
        String mismatch = override.map(o -> " (" + ConfigKey.CHAOS_ALLOW_PRODUCTION.key() + " = '" + o.stack() + "' "
                + o.source() + " names another stack)").orElse("");
        throw new ChaosRefused("refused: stack '" + stack.name() + "' carries the production tag " + tag + mismatch
                + "; to change it anyway set -D" + ConfigKey.CHAOS_ALLOW_PRODUCTION.key() + "=" + stack.name());
    }
}
