package dev.ovha.steps;

import dev.ovha.probe.TimelineSummary;
import dev.ovha.rules.ChaosRules;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;

/** What every @disruptive scenario observes the same way: what users saw from the fault on. */
public final class ExperimentSteps {
    private final StackUnderTest world;
    private final ExperimentUnderTest experiment;

    public ExperimentSteps(StackUnderTest world, ExperimentUnderTest experiment) {
        this.world = world;
        this.experiment = experiment;
    }

    @Given("the availability prober asks the API without pause")
    public void startProbing() {
        experiment.startProbing();
    }

    @Then("users saw errors no longer and no more often than the error budget allows")
    public void withinErrorBudget() {
        TimelineSummary seen = experiment.availabilitySinceFault();
        world.evidence().note("Availability from the fault on: " + seen.oneLine() + " (budgets: "
                + experiment.budgets().describe() + ")");
        Verdicts.assertNoDefects(ChaosRules.withinErrorBudget(seen, experiment.budgets(), experiment.injection().fault()));
    }
}
