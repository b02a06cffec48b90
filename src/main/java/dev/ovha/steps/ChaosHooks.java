package dev.ovha.steps;

import dev.ovha.chaos.ChaosRefused;
import dev.ovha.chaos.RollbackReport;
import dev.ovha.chaos.UndoOutcome;
import dev.ovha.config.ConfigException;
import dev.ovha.target.RunRefused;
import dev.ovha.target.TargetEnvironment;
import dev.ovha.target.Targets;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.opentest4j.TestAbortedException;

/**
 * The chaos layer's place in a run. After the preflight, what earlier runs left on the stack is put back and
 * the kill switch installed; before a {@code @mutating} or {@code @disruptive} scenario the guard rails decide
 * (a refusal skips it with one line naming the flag to set); after every scenario, passed or failed, its
 * changes are rolled back and the rollback report attached (an incomplete rollback makes it broken); at the
 * end whatever is still pending from the run is tried once more.
 */
public final class ChaosHooks {
    static final String MUTATING = "@mutating";
    static final String DISRUPTIVE = "@disruptive";

    private final ChaosScenario chaos;

    public ChaosHooks(ChaosScenario chaos) {
        this.chaos = chaos;
    }

    @BeforeAll(order = 10)
    public static void putBackWhatEarlierRunsLeft() {
        Targets.resolved().filter(TargetEnvironment::preflightPassed).ifPresent(env -> {
            try {
                env.chaos().startOfRun(System.out);
            } catch (ConfigException e) {
                throw refuse("bad configuration: " + e.getMessage());
            } catch (RuntimeException e) {
                throw refuse("the undo journal or the start-of-run cleanup failed: " + e.getMessage());
            }
        });
    }

    @AfterAll(order = 10)
    public static void rollBackWhatIsLeft() {
        Targets.resolved().filter(TargetEnvironment::preflightPassed).ifPresent(env -> {
            RollbackReport report = env.chaos().endOfRun();
            report.outcomes().forEach(o -> System.out.println("ovha: end of run: " + o.line()));
            if (!report.clean()) {
                System.err.println("ovha: " + report.verdict().reason());
            }
        });
    }

    @Before(order = 0)
    public void nameTheScenario(Scenario scenario) {
        chaos.begin(scenario.getName());
    }

    /** The guard rails, before the scenario's first step: nothing is changed when they say no. */
    @Before(value = MUTATING + " or " + DISRUPTIVE, order = 10)
    public void guard(Scenario scenario) {
        try {
            if (scenario.getSourceTagNames().contains(DISRUPTIVE)) {
                chaos.run().requireDisruptive();
            }
            if (scenario.getSourceTagNames().contains(MUTATING)) {
                chaos.run().requireMutating();
            }
        } catch (ChaosRefused e) {
            throw new TestAbortedException(e.getMessage());
        }
    }

    /** After the scenario's own clean-ups (order 100) and before its evidence is attached (order 0). */
    @After(order = 50)
    public void rollBack(Scenario scenario) {
        RollbackReport report = chaos.run().afterScenario(chaos.name());
        if (report.outcomes().isEmpty()) {
            return;
        }
        String text = report.outcomes().stream().map(UndoOutcome::line).collect(Collectors.joining(System.lineSeparator()));
        scenario.attach(text.getBytes(StandardCharsets.UTF_8), "text/plain", "Rollbacks (undo journal)");
        if (!report.clean()) {
            throw new IllegalStateException(report.verdict().reason());
        }
    }

    private static RunRefused refuse(String reason) {
        RunRefused refusal = new RunRefused(reason);
        System.err.println("ovha: stopped before any scenario: " + refusal.getMessage());
        return refusal;
    }
}
