package dev.ovha.steps;

import dev.ovha.chaos.ExperimentRun;
import dev.ovha.chaos.ZoneOutageFault;
import dev.ovha.driver.Master;
import dev.ovha.driver.MasterFleetView;
import dev.ovha.eventually.Eventually;
import dev.ovha.rules.ChaosRules;
import dev.ovha.rules.MasterRules;
import dev.ovha.rules.MediaNodeRules;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One availability zone loses its network: the other keeps serving, and the stack heals afterwards. */
public final class ZoneChaosSteps {
    private final StackUnderTest world;
    private final ExperimentUnderTest experiment;
    private ZoneOutageFault fault;
    private Instant networkBack;

    public ZoneChaosSteps(StackUnderTest world, ExperimentUnderTest experiment) {
        this.world = world;
        this.experiment = experiment;
    }

    /** The subnet of the first serving master (by id): it holds one master, so the blast radius is one. */
    @When("the subnet of one master is cut off the network for the outage duration")
    public void cutOneSubnet() {
        experiment.startProbingIfNotYet();
        MasterFleetView fleet = world.lookAtMasters();
        Master chosen = fleet.serving().stream().min((a, b) -> a.instanceId().compareTo(b.instanceId()))
                .orElseThrow(() -> new AssertionError("No master serves: there is no zone left to lose."));
        Map<String, String> subnets = world.ec2().subnetsOf(fleet.servingIds());
        String subnet = subnets.get(chosen.instanceId());
        long inSubnet = subnets.values().stream().filter(subnet::equals).count();
        fault = new ZoneOutageFault(experiment.faults());
        experiment.inject(() -> fault.inject(experiment.name(), subnet, (int) inSubnet, fleet.serving().size(),
                experiment.budgets().outage()));
        world.evidence().note("Cut off subnet " + subnet + " (" + chosen.zone() + "), which holds master "
                + chosen.instanceId());
    }

    /** Counted from the network's return: the outage's own length is the experiment's, not the stack's. */
    @Then("once the network is back the stack returns to its steady state within the recovery budget")
    public void backToSteadyState() {
        ExperimentRun ended = fault.awaitEnd(experiment.injection(),
                experiment.budgets().outage().plus(world.timeouts().defaultTimeout()));
        networkBack = Instant.now();
        experiment.mark("network back", networkBack);
        world.evidence().note("FIS: " + ended.describe());
        Duration budget = experiment.budgets().recovery();
        Eventually.that("stack back in its steady state after the outage, within the recovery budget of "
                        + budget.toSeconds() + " s (ovha.chaos.recoveryBudget)",
                new dev.ovha.config.Timeouts(budget, world.timeouts().pollInterval()))
                .observing(this::steadyStateDefects)
                .describedBy(seen -> seen.isEmpty() ? "steady" : String.join(" ", seen))
                .until(List::isEmpty);
        world.evidence().note(String.format(Locale.ROOT, "Steady again %.1f s after the network came back.",
                Duration.between(networkBack, Instant.now()).toMillis() / 1000.0));
        experiment.mark("steady state");
    }

    private List<String> steadyStateDefects() {
        MasterFleetView fleet = world.lookAtMasters();
        List<String> defects = new ArrayList<>(ChaosRules.mastersServingAgain(fleet, Optional.empty()));
        defects.addAll(MasterRules.zones(fleet, world.stack()));
        defects.addAll(MediaNodeRules.registeredAsRunning(world.media().inService(world.stack()),
                world.media().registered(), world.stack()));
        return defects;
    }
}
