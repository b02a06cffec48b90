package dev.ovha.steps;

import dev.ovha.chaos.MasterTerminationFault;
import dev.ovha.driver.Master;
import dev.ovha.driver.MasterFleetView;
import dev.ovha.driver.SessionOwners;
import dev.ovha.driver.SessionPlacement;
import dev.ovha.eventually.Eventually;
import dev.ovha.openvidu.OpenViduApi;
import dev.ovha.openvidu.OpenViduSession;
import dev.ovha.probe.BalancingSample;
import dev.ovha.probe.CoverageBound;
import dev.ovha.rules.BalancingRules;
import dev.ovha.rules.ChaosRules;
import dev.ovha.rules.ConfigRules;
import dev.ovha.rules.MediaNodeRules;
import dev.ovha.rules.SessionSetCheck;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A master node dies: what users see, how the stack heals, and whether any session was lost. */
public final class MasterChaosSteps {
    /** Sessions per master at most, while placing at least one on each. */
    private static final int SESSIONS_PER_MASTER = 4;

    private final StackUnderTest world;
    private final ExperimentUnderTest experiment;
    /** Our sessions' id prefix: a session the cluster lists with it and we never created was invented. */
    private final String prefix = "ovha-chaos-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final Map<String, String> owners = new LinkedHashMap<>();
    private final Set<String> created = new HashSet<>();
    private Set<String> mastersBefore = Set.of();
    private String victim;

    public MasterChaosSteps(StackUnderTest world, ExperimentUnderTest experiment) {
        this.world = world;
        this.experiment = experiment;
    }

    /**
     * Sessions created through the domain until every serving master hosts some, each placed through its
     * master's own API (the vendor's way to find a session's master).
     */
    @Given("sessions exist on every master")
    public void sessionsOnEveryMaster() {
        MasterFleetView fleet = world.lookAtMasters();
        Set<String> masters = fleet.servingIds();
        SessionOwners placement = new SessionOwners(world.nodeCommands());
        OpenViduApi api = world.api();
        SessionPlacement placed = placement.of(masters);
        for (int n = 0; n < SESSIONS_PER_MASTER * masters.size() && !everyMasterHosts(placed, masters); n++) {
            created.add(api.createSession(Optional.of(prefix + n)).id());
            if (created.size() >= masters.size()) {
                placed = placement.of(masters);
            }
        }
        Verdicts.skipUnless(placed.unreadable().isEmpty(), "the set check needs to know which master hosts each"
                + " session, and SSM could not list the sessions of " + placed.unreadable() + "; the masters' role needs"
                + " AmazonSSMManagedInstanceCore");
        SessionPlacement finalPlacement = placed;
        created.forEach(id -> finalPlacement.ownerOf(id).ifPresent(owner -> owners.put(id, owner)));
        world.evidence().note("Sessions before the fault, by master: " + masters.stream()
                .map(m -> m + " " + finalPlacement.sessionsOf(m).stream().filter(s -> s.startsWith(prefix)).toList())
                .collect(Collectors.joining("; ")));
        if (!everyMasterHosts(placed, masters)) {
            throw new AssertionError("After creating " + created.size() + " sessions through the domain, masters "
                    + masters.stream().filter(m -> placed(finalPlacement, m).isEmpty()).toList() + " host none: the"
                    + " load balancer does not spread session creation over the masters.");
        }
        mastersBefore = masters;
    }

    @When("one master is terminated")
    public void terminateOneMaster() {
        MasterFleetView fleet = world.lookAtMasters();
        if (mastersBefore.isEmpty()) {
            mastersBefore = fleet.servingIds();
        }
        experiment.inject(() -> new MasterTerminationFault(experiment.faults())
                .inject(experiment.name(), fleet.group().name(), List.copyOf(fleet.servingIds())));
        victim = experiment.injection().targets().get(0);
        world.evidence().note("Master terminated: " + victim + " (" + experiment.injection().method() + ")");
    }

    /** The recovery budget bounds the wait: a stack that heals more slowly has already broken the promise. */
    @Then("the load balancer drops the dead master, and the master group's replacement becomes healthy within the recovery budget")
    public void replacementHealthy() {
        String name = "master group whole again after losing " + victim + ", within the recovery budget of "
                + experiment.budgets().recovery().toSeconds() + " s (ovha.chaos.recoveryBudget)";
        MasterFleetView healed = Eventually.that(name, experiment.recoveryTimeLeft())
                .observing(this::observeRecovery)
                .describedBy(this::stillMissing)
                .until(fleet -> stillMissingDefects(fleet).isEmpty());
        world.evidence().note(String.format(Locale.ROOT, "Replacement healthy %.1f s after the fault: %s",
                experiment.sinceFault().toMillis() / 1000.0, healed.servingIds()));
    }

    @Then("every serving master answers through the domain, with the same configuration, within the recovery budget")
    public void apiFullyServed() {
        MasterFleetView fleet = world.fleet();
        CoverageBound bound = CoverageBound.forMasters(Math.max(1, fleet.serving().size()));
        BalancingSample sample = world.balancing().sample(fleet.servingIds(), bound);
        Duration took = experiment.sinceFault();
        experiment.mark("API fully served");
        world.evidence().note(String.format(Locale.ROOT, "API fully served %.1f s after the fault (budget %d s);"
                        + " answered by %s", took.toMillis() / 1000.0, experiment.budgets().recovery().toSeconds(),
                sample.answeredBy()));
        Verdicts.assertNoDefects(Stream.of(
                BalancingRules.everyMasterAnswers(sample, fleet.servingIds(), fleet.targetGroup().name()),
                ConfigRules.sameConfiguration(sample, fleet.servingIds()),
                ChaosRules.recoveredWithin(took, experiment.budgets().recovery(),
                        "Recovery from the termination of master " + victim + " until the API was fully served again"))
                .flatMap(List::stream).toList());
    }

    /** The replacement master learnt the media nodes too: every answer, whichever master gave it, lists them all. */
    @Then("every media node is still registered as running, and every master lists the same media nodes")
    public void mediaNodesStillRegistered() {
        CoverageBound bound = CoverageBound.forMasters(Math.max(1, world.fleet().serving().size()));
        Verdicts.assertNoDefects(Stream.of(
                MediaNodeRules.registeredAsRunning(world.media().inService(world.stack()), world.media().registered(),
                        world.stack()),
                MediaNodeRules.sameViewFromEveryMaster(world.mediaViews().sample(bound)))
                .flatMap(List::stream).toList());
    }

    /**
     * Jepsen's set check: read every acknowledged session back; the dead master's are created again under
     * their id, as the vendor tells applications to (OpenViduApi retries 404 and 5xx on creation).
     */
    @Then("no session of a surviving master was lost, and the dead master's sessions can be created again under their id")
    public void noSessionLost() {
        OpenViduApi api = world.api();
        Set<String> present = owners.keySet().stream().filter(id -> api.session(id).isPresent())
                .collect(Collectors.toSet());
        Set<String> ours = api.sessions().stream().map(OpenViduSession::id).filter(id -> id.startsWith(prefix))
                .collect(Collectors.toSet());
        List<String> recreated = new ArrayList<>();
        owners.forEach((id, owner) -> {
            if (owner.equals(victim) && !present.contains(id)) {
                api.createSession(Optional.of(id));
                recreated.add(id);
            }
        });
        SessionSetCheck check = SessionSetCheck.of(owners, victim, present, ours, Set.copyOf(recreated));
        world.evidence().note("Set check of " + owners.size() + " sessions: " + check.numbers());
        Verdicts.assertNoDefects(ChaosRules.noSessionLost(check, victim));
    }

    /** The scenario's sessions are closed, passed or failed (order 100: before the rollbacks and the evidence). */
    @After(value = "@disruptive", order = 100)
    public void closeSessions() {
        if (created.isEmpty()) {
            return;
        }
        OpenViduApi api = world.api();
        for (String id : created) {
            try {
                if (api.session(id).isPresent()) {
                    api.closeSession(id);
                }
            } catch (RuntimeException | AssertionError e) {
                world.evidence().note("Could not close session " + id + ": " + e.getMessage());
            }
        }
    }

    private MasterFleetView observeRecovery() {
        MasterFleetView fleet = world.lookAtMasters();
        Optional<Master> dead = fleet.masters().stream().filter(m -> m.instanceId().equals(victim)).findFirst();
        if (dead.isEmpty() || !dead.get().serving()) {
            experiment.mark("target unhealthy");
        }
        List<Master> fresh = fleet.masters().stream().filter(m -> !mastersBefore.contains(m.instanceId())).toList();
        if (!fresh.isEmpty()) {
            experiment.mark("replacement launched");
        }
        if (fresh.stream().anyMatch(Master::serving)) {
            experiment.mark("replacement healthy");
        }
        return fleet;
    }

    private List<String> stillMissingDefects(MasterFleetView fleet) {
        return ChaosRules.mastersServingAgain(fleet, Optional.of(victim));
    }

    private String stillMissing(MasterFleetView fleet) {
        List<String> defects = stillMissingDefects(fleet);
        return defects.isEmpty() ? "whole" : String.join(" ", defects);
    }

    private boolean everyMasterHosts(SessionPlacement placed, Set<String> masters) {
        return masters.stream().allMatch(m -> !placed(placed, m).isEmpty());
    }

    private Set<String> placed(SessionPlacement placement, String master) {
        return placement.sessionsOf(master).stream().filter(s -> s.startsWith(prefix)).collect(Collectors.toSet());
    }
}
