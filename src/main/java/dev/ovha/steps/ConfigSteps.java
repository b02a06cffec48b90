package dev.ovha.steps;

import dev.ovha.driver.ConfigFile;
import dev.ovha.openvidu.ClusterHealth;
import dev.ovha.probe.BalancingSample;
import dev.ovha.probe.CoverageBound;
import dev.ovha.rules.ConfigRules;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

public final class ConfigSteps {
    private final StackUnderTest world;
    private BalancingSample sample;
    private ClusterHealth health;
    private ConfigFile dotEnv;

    public ConfigSteps(StackUnderTest world) {
        this.world = world;
    }

    /** The load balancer picks the master; asking until each has answered is the only way to reach them all. */
    @When("each healthy master's configuration is fetched through the domain")
    public void fetchEveryConfiguration() {
        CoverageBound bound = CoverageBound.forMasters(Math.max(1, world.fleet().serving().size()));
        world.evidence().note("Requests until every healthy master answered, at most " + bound.explained() + ".");
        sample = world.balancing().sample(world.fleet().servingIds(), bound);
    }

    @Then("the configurations are the same except for each master's AWS_INSTANCE_ID")
    public void sameConfiguration() {
        Verdicts.assertNoDefects(ConfigRules.sameConfiguration(sample, world.fleet().servingIds()));
    }

    @When("the cluster's health is requested")
    public void requestHealth() {
        health = world.api().health();
    }

    @Then("the cluster is UP, and so is every healthy master")
    public void healthy() {
        Verdicts.assertNoDefects(ConfigRules.healthyCluster(health, world.fleet().serving()));
    }

    @When("the .env is read from the stack's configuration bucket")
    public void readDotEnv() {
        dotEnv = world.configBucket().dotEnv(world.stack());
    }

    @Then("every setting the .env and the served configuration both have holds the same value")
    public void dotEnvAgrees() {
        Verdicts.assertNoDefects(ConfigRules.dotEnvAgreesWithServed(dotEnv, sample, world.fleet().servingIds()));
    }
}
