package dev.ovha.steps;

import dev.ovha.probe.BalancingSample;
import dev.ovha.probe.CoverageBound;
import dev.ovha.rules.BalancingRules;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

public final class LoadBalancingSteps {
    private final StackUnderTest world;
    private BalancingSample sample;

    public LoadBalancingSteps(StackUnderTest world) {
        this.world = world;
    }

    @When("the configuration is requested through the domain up to the bound for that many masters")
    public void sample() {
        CoverageBound bound = CoverageBound.forMasters(Math.max(1, world.fleet().serving().size()));
        world.evidence().note("Bound: " + bound.explained() + ".");
        sample = world.balancing().sample(world.fleet().servingIds(), bound);
        world.evidence().note("Answered by, in order: " + sample.answeredBy());
    }

    @Then("every answer names a healthy master, and every healthy master answered")
    public void everyMasterAnswered() {
        Verdicts.assertNoDefects(BalancingRules.everyMasterAnswers(sample, world.fleet().servingIds(),
                world.fleet().targetGroup().name()));
    }
}
