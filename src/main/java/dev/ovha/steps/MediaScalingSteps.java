package dev.ovha.steps;

import dev.ovha.chaos.ChangeRecord;
import dev.ovha.driver.GroupView;
import dev.ovha.driver.LogWatch;
import dev.ovha.driver.Master;
import dev.ovha.eventually.Eventually;
import dev.ovha.openvidu.RegisteredMediaNode;
import dev.ovha.probe.MasterSweep;
import dev.ovha.rules.ChangeRules;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Launch and terminate events reach the masters: the media group grows by one node, which every master must
 * register, then goes back to its members, and the leaving node must be deregistered while the terminating
 * lifecycle hook still holds its instance (after that the masters would only find it crashed).
 */
public final class MediaScalingSteps {
    private static final String REPLICATION_MANAGER = "replication-manager";
    /** How far back each log search looks, and how long the masters' clocks may move on without the line. */
    private static final Duration LOG_WINDOW = Duration.ofMinutes(5);

    private final StackUnderTest world;
    private final ChaosScenario chaos;
    private ChangeRecord growth;
    private Set<String> membersBefore;
    private int desiredBefore;
    private String newcomer;
    private String newcomerIp = "";

    public MediaScalingSteps(StackUnderTest world, ChaosScenario chaos) {
        this.world = world;
        this.chaos = chaos;
    }

    @When("the media group grows by one node")
    public void grow() {
        GroupView before = mediaGroup();
        membersBefore = before.members().stream().map(GroupView.GroupMember::instanceId).collect(Collectors.toSet());
        desiredBefore = before.desiredCapacity();
        growth = chaos.stackChanges().addMember(chaos.name(), before.name());
        world.evidence().note("Changed: " + growth.entry().change() + " (journal entry " + growth.entry().id() + ").");
    }

    @Then("the new media instance becomes InService")
    public void newcomerInService() {
        GroupView grown = Eventually.that("a new member of " + world.stack().mediaGroupName() + " InService", world.timeouts())
                .observing(this::mediaGroup)
                .describedBy(MediaScalingSteps::members)
                .until(g -> g.inService().stream().anyMatch(m -> !membersBefore.contains(m.instanceId())));
        newcomer = grown.inService().stream().map(GroupView.GroupMember::instanceId)
                .filter(id -> !membersBefore.contains(id)).findFirst().orElseThrow();
        newcomerIp = world.ec2().privateIps(List.of(newcomer)).getOrDefault(newcomer, "");
        world.evidence().note("New media instance: " + newcomer + " (" + newcomerIp + ").");
    }

    @Then("every master lists the new media node as running")
    public void registeredEverywhere() {
        Eventually.that("media node " + newcomer + " registered as running by every master", world.timeouts())
                .observing(() -> ChangeRules.listedAsRunning(newcomer, everyMastersList(), world.stack()))
                .describedBy(defects -> String.join(" ", defects))
                .until(List::isEmpty);
    }

    /** The vendor's own check (openvidu-ha.md §2.3): the line goes to whichever master consumed the event. */
    @Then("some master logged the new media node's launch")
    public void launchLogged() {
        logged("New Media Node (" + newcomer + "," + newcomerIp + ") launched in autoscaling group", "launch");
    }

    @Then("some master logged the media node's termination")
    public void terminationLogged() {
        logged("Media Node (" + newcomer + "," + newcomerIp + ") terminated in autoscaling group", "termination");
    }

    /** Checked when the logs can be read through SSM; a stack whose masters SSM cannot reach says so instead. */
    private void logged(String line, String what) {
        LogWatch watch = world.nodeLogs().watch(world.lookAtMasters().serving().stream().map(Master::instanceId).toList(),
                REPLICATION_MANAGER, line, LOG_WINDOW);
        if (watch.unreadable()) {
            world.evidence().note("The masters' logs cannot be read through SSM (not managed: " + watch.notManaged()
                    + "), so the " + what + " line was not looked for; the masters' media-node lists were.");
            return;
        }
        watch.found().ifPresent(s -> world.evidence().note("Found on " + s.instanceId() + ": " + s.lines()
                .get(s.lines().size() - 1)));
        Verdicts.assertNoDefects(ChangeRules.logged(watch, what));
    }

    @When("the media group is put back to its previous members")
    public void putBack() {
        world.evidence().note("Undone ahead of the rollbacks: " + chaos.undoNow(growth).line());
    }

    /**
     * The terminating hook holds the instance 30 s so that the masters hear of it first: that is the promise.
     * Each look asks the masters once and then Auto Scaling, so a node seen gone from the list while the member
     * is still terminating was dropped on the terminate event, not later, when the dead node is found crashed.
     * Then every master is asked.
     */
    @Then("every master deregisters the leaving node while its instance is still terminating")
    public void deregisteredEverywhere() {
        Eventually.that("media node " + newcomer + " dropped by the masters while its instance terminates", world.timeouts())
                .observing(() -> {
                    boolean listed = world.api().mediaNodes().stream().anyMatch(n -> n.environmentId().equals(newcomer));
                    return new Leaving(leavingState(), listed);
                })
                .describedBy(Leaving::toString)
                .failFastWhen(Leaving::gone, l -> "instance " + newcomer + " is " + l.lifecycleState() + " and "
                        + (l.listed() ? "the masters still list it: they did not act on its terminate event"
                        : "the masters were not seen dropping it before: they did not act on its terminate event in time")
                        + " (the " + world.stack().lifecycleRuleName().orElse("lifecycle") + " rule, the queue and the"
                        + " replication-manager carry it), so they only find it crashed")
                .until(l -> !l.listed());
        Eventually.that("media node " + newcomer + " listed by no master", world.timeouts())
                .observing(() -> ChangeRules.notListed(newcomer, everyMastersList()))
                .describedBy(defects -> String.join(" ", defects))
                .until(List::isEmpty);
    }

    @Then("the media group has its previous members again")
    public void previousMembers() {
        Eventually.that(world.stack().mediaGroupName() + " back to its " + desiredBefore + " previous members",
                        world.timeouts())
                .observing(this::mediaGroup)
                .describedBy(MediaScalingSteps::members)
                .until(g -> g.desiredCapacity() == desiredBefore
                        && g.inService().stream().map(GroupView.GroupMember::instanceId).collect(Collectors.toSet())
                        .equals(membersBefore)
                        && g.members().stream().noneMatch(m -> m.instanceId().equals(newcomer)));
    }

    private GroupView mediaGroup() {
        return world.groups().group(world.stack().mediaGroupName());
    }

    private List<List<RegisteredMediaNode>> everyMastersList() {
        return MasterSweep.over(world.lookAtMasters().serving().size()).ask(() -> world.api().mediaNodes());
    }

    /** The leaving member's lifecycle state, or {@code gone} once the group no longer lists it. */
    private String leavingState() {
        return mediaGroup().members().stream().filter(m -> m.instanceId().equals(newcomer)).findFirst()
                .map(GroupView.GroupMember::lifecycleState).orElse("gone");
    }

    private static String members(GroupView g) {
        return "desired " + g.desiredCapacity() + ", members " + g.members().stream()
                .map(m -> m.instanceId() + " " + m.lifecycleState()).collect(Collectors.joining(", "));
    }

    /** What one look at the leaving node shows: the masters' list first, then the member's state. */
    private record Leaving(String lifecycleState, boolean listed) {
        /** Past the terminating hook: the instance is going down whatever the masters know. */
        boolean gone() {
            return Set.of("Terminating:Proceed", "Terminated", "gone").contains(lifecycleState);
        }

        @Override
        public String toString() {
            return "member " + lifecycleState + (listed ? ", still listed by the masters" : ", no longer listed");
        }
    }
}
