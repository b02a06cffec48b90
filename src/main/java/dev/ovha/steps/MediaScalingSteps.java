package dev.ovha.steps;

import dev.ovha.chaos.ChangeRecord;
import dev.ovha.driver.GroupView;
import dev.ovha.driver.LifecycleHookView;
import dev.ovha.driver.LogWatch;
import dev.ovha.driver.Master;
import dev.ovha.driver.ScalingActivityView;
import dev.ovha.eventually.Eventually;
import dev.ovha.openvidu.RegisteredMediaNode;
import dev.ovha.rules.ChangeRules;
import dev.ovha.rules.LeavingLooks;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Launch and terminate events reach the masters: the media group grows by one node, which every master must
 * register, then goes back to its members, and the leaving node must be deregistered while the terminating
 * lifecycle hook still holds its instance (after that the masters would only find it crashed).
 *
 * <p>Every verdict rests on what the stack keeps, not on the harness being quick: the masters' lists (a registered
 * node stays listed), Auto Scaling's activities (when the new member was launched and the leaving one began
 * terminating, by AWS's clock), the lifecycle hook's heartbeat timeout, and the masters' logs searched from the
 * launch on with Docker's timestamps. The one transient moment, the masters dropping the node while the hook holds
 * the instance (half a second on the twin at time scale 60), is proven by a look when the harness catches it, and
 * otherwise by the time the replication-manager logged the termination, which it keeps.
 */
public final class MediaScalingSteps {
    private static final String REPLICATION_MANAGER = "replication-manager";
    /** How long the masters' clocks may move on without the line, once the search reads everything since the launch. */
    private static final Duration LOG_WINDOW = Duration.ofMinutes(5);
    /**
     * Log searches start this long before the new member's launch activity, so that a master's clock a little behind
     * AWS's cannot hide a line; the lines searched for name the new instance, which did not exist before its launch.
     */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

    private final StackUnderTest world;
    private final ChaosScenario chaos;
    private ChangeRecord growth;
    private Set<String> membersBefore;
    private int desiredBefore;
    private String newcomer;
    private String newcomerIp = "";
    private Instant logsSince;
    private LogWatch terminationWatch;

    public MediaScalingSteps(StackUnderTest world, ChaosScenario chaos) {
        this.world = world;
        this.chaos = chaos;
    }

    @When("the media group grows by one node")
    public void grow() {
        GroupView before = mediaGroup();
        // InService only: a member of an earlier scale-in may still be listed while it terminates, and it will not
        // be among the members the group comes back to.
        membersBefore = before.inService().stream().map(GroupView.GroupMember::instanceId).collect(Collectors.toSet());
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
        Instant launched = activity(a -> a.launches(newcomer), "launch").startTime();
        logsSince = launched.minus(CLOCK_MARGIN);
        world.evidence().note("New media instance: " + newcomer + " (" + newcomerIp + "), launch activity started at "
                + launched + "; the masters' logs are searched from " + logsSince + " on.");
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
        check(terminationWatch != null ? terminationWatch : watchFor(terminationLine()), "termination");
    }

    private void logged(String line, String what) {
        check(watchFor(line), what);
    }

    /** Every line since the launch (a little before), so that a search made late still reads the line. */
    private LogWatch watchFor(String line) {
        return world.nodeLogs().watchSince(world.lookAtMasters().serving().stream().map(Master::instanceId).toList(),
                REPLICATION_MANAGER, line, logsSince, LOG_WINDOW);
    }

    private String terminationLine() {
        return "Media Node (" + newcomer + "," + newcomerIp + ") terminated in autoscaling group";
    }

    /** Checked when the logs can be read through SSM; a stack whose masters SSM cannot reach says so instead. */
    private void check(LogWatch watch, String what) {
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
     * The terminating hook holds the instance (30 s in the template) so that the masters hear of it first: that is
     * the promise. Each look asks Auto Scaling, the masters, then Auto Scaling again ({@link LeavingLooks}), so a look
     * can prove the masters dropped the node while the hook held the instance, or that they still listed it after the
     * hook let it go. When the looks saw neither (they were too far apart for a window of half a second on the twin),
     * the replication-manager's log decides: it must have logged the termination by the time the hook let the instance
     * go at the latest (the termination activity's start plus the hook's heartbeat timeout, by AWS's clock). Masters
     * whose logs SSM cannot read leave the question open: that is the harness's limit, not the stack's defect.
     * Then every master is asked.
     */
    @Then("every master deregisters the leaving node while its instance is still terminating")
    public void deregisteredEverywhere() {
        LeavingLooks[] seen = {LeavingLooks.none(newcomer)};
        LeavingLooks looks = Eventually.that("media node " + newcomer + " dropped by the masters while its instance"
                        + " terminates, or its instance let go", world.timeouts())
                .observing(() -> {
                    String before = leavingState();
                    Optional<String> listedAs = world.api().mediaNodes().stream()
                            .filter(n -> n.environmentId().equals(newcomer)).findFirst().map(RegisteredMediaNode::status);
                    seen[0] = seen[0].with(new LeavingLooks.Look(before, listedAs, leavingState()));
                    return seen[0];
                })
                .describedBy(LeavingLooks::describe)
                .until(LeavingLooks::decided);
        world.evidence().note("Leaving node " + newcomer + ": " + looks.describe() + ".");
        Verdicts.assertNoDefects(ChangeRules.keptAfterRelease(looks, world.stack()));
        if (looks.droppedWhileHeld().isPresent()) {
            world.evidence().note("Seen dropped while the hook held the instance: " + looks.droppedWhileHeld().get() + ".");
        } else {
            judgeByTheLogs(looks);
        }
        Eventually.that("media node " + newcomer + " listed by no master", world.timeouts())
                .observing(() -> ChangeRules.notListed(newcomer, everyMastersList()))
                .describedBy(defects -> String.join(" ", defects))
                .until(List::isEmpty);
    }

    private void judgeByTheLogs(LeavingLooks looks) {
        Instant began = activity(a -> a.terminates(newcomer), "termination").startTime();
        int heartbeat = world.groups().hooks(world.stack().mediaGroupName()).stream()
                .filter(h -> h.transition().endsWith("EC2_INSTANCE_TERMINATING"))
                .mapToInt(LifecycleHookView::heartbeatSeconds).max().orElse(0);
        Instant heldUntil = began.plusSeconds(heartbeat);
        terminationWatch = watchFor(terminationLine());
        if (terminationWatch.unreadable()) {
            throw new IllegalStateException("Cannot tell whether the masters dropped media node " + newcomer + " while the"
                    + " terminating hook held its instance: the looks saw neither moment (" + looks.describe() + "), and"
                    + " the masters' logs, which would say when, cannot be read through SSM (not managed: "
                    + terminationWatch.notManaged() + "). Let SSM reach the masters, or look more often (ovha.timeout.poll).");
        }
        if (terminationWatch.found().isPresent() && terminationWatch.found().get().loggedAt().isEmpty()) {
            throw new IllegalStateException("The masters logged the termination of media node " + newcomer + " but the"
                    + " line carries no Docker time stamp, so when cannot be told: " + terminationWatch.found().get().lines());
        }
        world.evidence().note("The looks saw neither moment, so the masters' logs decide: the termination began at "
                + began + ", the hook holds the instance " + heartbeat + " s, so until " + heldUntil + " at the latest; "
                + terminationWatch.found().map(f -> "logged at " + f.loggedAt().orElseThrow() + " on " + f.instanceId())
                .orElse("not logged") + ".");
        Verdicts.assertNoDefects(ChangeRules.terminateLoggedInTime(terminationWatch, heldUntil, looks, world.stack()));
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
        return world.askEveryMaster(() -> world.api().mediaNodes());
    }

    /** The leaving member's lifecycle state, or {@code gone} once the group no longer lists it. */
    private String leavingState() {
        return mediaGroup().members().stream().filter(m -> m.instanceId().equals(newcomer)).findFirst()
                .map(GroupView.GroupMember::lifecycleState).orElse(LeavingLooks.GONE);
    }

    /** The media group's activity for the new instance, e.g. its launch; AWS keeps it for weeks. */
    private ScalingActivityView activity(Predicate<ScalingActivityView> which, String what) {
        return world.groups().activitiesOf(world.stack().mediaGroupName(), newcomer).stream().filter(which).findFirst()
                .orElseThrow(() -> new IllegalStateException("Auto Scaling reports no " + what + " activity for " + newcomer
                        + " among the newest activities of " + world.stack().mediaGroupName()));
    }

    private static String members(GroupView g) {
        return "desired " + g.desiredCapacity() + ", members " + g.members().stream()
                .map(m -> m.instanceId() + " " + m.lifecycleState()).collect(Collectors.joining(", "));
    }
}
