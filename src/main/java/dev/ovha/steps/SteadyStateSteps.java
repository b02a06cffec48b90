package dev.ovha.steps;

import dev.ovha.chaos.ChaosRefused;
import dev.ovha.driver.GroupView;
import dev.ovha.eventually.Eventually;
import dev.ovha.rules.SteadyStateRules;
import io.cucumber.java.en.Given;
import java.util.List;
import org.opentest4j.TestAbortedException;

/**
 * Steady state first: a stack that is not in its steady state is not changed. The step waits (the configured
 * timeout) for a stack that is still settling, e.g. from the previous scenario's rollback; if it does not
 * settle, the scenario is skipped with what kept it from its steady state, and nothing is changed.
 */
public final class SteadyStateSteps {
    private final StackUnderTest world;
    private final ChaosScenario chaos;

    public SteadyStateSteps(StackUnderTest world, ChaosScenario chaos) {
        this.world = world;
        this.chaos = chaos;
    }

    @Given("the stack is in its steady state")
    public void steadyState() {
        List<String> defects;
        try {
            defects = Eventually.that("stack " + world.stack().name() + " in its steady state", world.timeouts())
                    .observing(this::lookForDefects)
                    .describedBy(found -> String.join(" ", found))
                    .failFastWhen(found -> chaos.stop().stopRequested(), found -> "the run was asked to stop")
                    .until(List::isEmpty);
        } catch (AssertionError e) {
            defects = lookForDefects();
        }
        world.evidence().note(defects.isEmpty() ? "The stack was in its steady state before the change."
                : "The stack was not in its steady state: " + String.join(" ", defects));
        try {
            chaos.run().guard().requireSteadyState(defects.isEmpty(), String.join(" ", defects));
        } catch (ChaosRefused e) {
            throw new TestAbortedException(e.getMessage());
        }
    }

    /** A stack still settling may answer a request with an error: that is a defect of the moment, not a crash. */
    private List<String> lookForDefects() {
        try {
            return look();
        } catch (RuntimeException e) {
            return List.of("The stack could not be looked at: " + e.getMessage());
        }
    }

    private List<String> look() {
        GroupView media = world.groups().group(world.stack().mediaGroupName());
        return SteadyStateRules.defects(world.stack(), world.lookAtMasters(), media,
                world.media().inService(world.stack()), world.media().registered(), world.api().health());
    }
}
