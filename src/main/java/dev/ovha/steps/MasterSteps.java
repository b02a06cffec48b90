package dev.ovha.steps;

import dev.ovha.rules.MasterRules;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;

public final class MasterSteps {
    private final StackUnderTest world;

    public MasterSteps(StackUnderTest world) {
        this.world = world;
    }

    @Given("the masters as AWS reports them")
    public void lookAtMasters() {
        world.lookAtMasters();
    }

    @Given("the stack runs at least two masters")
    public void atLeastTwoMasters() {
        int desired = world.fleet().group().desiredCapacity();
        Verdicts.skipUnless(desired >= 2, "the master group " + world.fleet().group().name() + " runs " + desired
                + " master; spreading over zones needs at least two");
    }

    @Then("every master is an in-service, healthy target of the target group named like the stack")
    public void everyMasterHealthy() {
        Verdicts.assertNoDefects(MasterRules.healthyTargets(world.fleet(), world.stack()));
    }

    @Then("the number of serving masters equals the master group's desired capacity")
    public void desiredCount() {
        Verdicts.assertNoDefects(MasterRules.desiredCount(world.fleet()));
    }

    @Then("the masters stand in at least two availability zones")
    public void twoZones() {
        Verdicts.assertNoDefects(MasterRules.zones(world.fleet(), world.stack()));
    }
}
