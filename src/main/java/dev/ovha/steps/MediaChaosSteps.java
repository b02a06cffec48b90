package dev.ovha.steps;

import dev.ovha.chaos.CpuStressFault;
import dev.ovha.chaos.MediaNodeCrashFault;
import dev.ovha.driver.GroupView;
import dev.ovha.driver.MediaInstance;
import dev.ovha.driver.ScalingActivityView;
import dev.ovha.eventually.Eventually;
import dev.ovha.openvidu.RegisteredMediaNode;
import dev.ovha.rules.MediaNodeRules;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A media node crashes, or the media nodes' CPU is loaded: the media group and the masters follow. */
public final class MediaChaosSteps {
    private final StackUnderTest world;
    private final ExperimentUnderTest experiment;
    private Set<String> mediaBefore = Set.of();
    private int desiredBefore;
    private String victim;
    private String alarmCause = "";
    private Set<ScalingActivityView> activitiesBefore = Set.of();

    public MediaChaosSteps(StackUnderTest world, ExperimentUnderTest experiment) {
        this.world = world;
        this.experiment = experiment;
    }

    @When("one running media node crashes")
    public void crashOneMediaNode() {
        List<String> running = rememberMedia();
        victim = running.stream().sorted().findFirst().orElseThrow(() -> new AssertionError("The media group "
                + world.stack().mediaGroupName() + " has no running media node to crash."));
        experiment.injected(new MediaNodeCrashFault(experiment.faults())
                .inject(experiment.name(), world.stack().mediaGroupName(), victim, running));
    }

    @Then("the crashed node leaves the masters' list, and the media group's replacement is registered as running within the recovery budget")
    public void replacementRegistered() {
        String name = "media node " + victim + " replaced and its replacement registered, within the recovery budget of "
                + experiment.budgets().recovery().toSeconds() + " s (ovha.chaos.recoveryBudget)";
        Eventually.that(name, experiment.recoveryTimeLeft())
                .observing(this::observeMedia)
                .describedBy(seen -> seen.isEmpty() ? "whole" : String.join(" ", seen))
                .until(List::isEmpty);
        note("Media group whole again");
    }

    @When("the media nodes' CPU is stressed")
    public void stressCpu() {
        rememberMedia();
        experiment.injected(new CpuStressFault(experiment.faults()).inject(experiment.name(), world.stack().mediaGroupName()));
    }

    @Then("the high-CPU alarm fires and the media group grows by one node, which the masters register as running, within the recovery budget")
    public void scaledOutByOne() {
        String name = "media group " + world.stack().mediaGroupName() + " grown from " + desiredBefore
                + " to " + (desiredBefore + 1) + " with the new node registered, within the recovery budget of "
                + experiment.budgets().recovery().toSeconds() + " s (ovha.chaos.recoveryBudget)";
        Eventually.that(name, experiment.recoveryTimeLeft())
                .observing(this::observeScaleOut)
                .describedBy(seen -> seen.isEmpty() ? "grown by one" : String.join(" ", seen))
                .until(List::isEmpty);
        note("Media group grown by one");
        world.evidence().note("Scaling activity: " + alarmCause);
    }

    private List<String> rememberMedia() {
        GroupView group = world.groups().group(world.stack().mediaGroupName());
        desiredBefore = group.desiredCapacity();
        List<String> running = group.inService().stream().map(GroupView.GroupMember::instanceId).toList();
        mediaBefore = Set.copyOf(running);
        activitiesBefore = Set.copyOf(world.groups().activities(group.name()));
        experiment.startProbingIfNotYet();
        return running;
    }

    private List<String> observeMedia() {
        List<MediaInstance> inService = world.media().inService(world.stack());
        List<RegisteredMediaNode> registered = world.media().registered();
        GroupView group = world.groups().group(world.stack().mediaGroupName());
        List<String> defects = new ArrayList<>();
        if (registered.stream().anyMatch(n -> n.environmentId().equals(victim))) {
            defects.add("The crashed media node " + victim + " is still registered with the masters.");
        } else {
            experiment.mark("crashed node deregistered");
        }
        markFresh(inService, registered, "replacement");
        if (inService.size() != group.desiredCapacity()) {
            defects.add("The media group " + group.name() + " desires " + group.desiredCapacity() + " node(s) and has "
                    + inService.size() + " in service.");
        }
        defects.addAll(MediaNodeRules.registeredAsRunning(inService, registered, world.stack()));
        return defects;
    }

    private List<String> observeScaleOut() {
        List<MediaInstance> inService = world.media().inService(world.stack());
        List<RegisteredMediaNode> registered = world.media().registered();
        GroupView group = world.groups().group(world.stack().mediaGroupName());
        List<String> defects = new ArrayList<>();
        // New activities are told from old ones by identity, not by time: AWS's clock is not ours (nor the twin's).
        List<ScalingActivityView> byAlarm = world.groups().activities(group.name()).stream()
                .filter(a -> a.fromAlarm() && !activitiesBefore.contains(a)).toList();
        if (byAlarm.isEmpty()) {
            defects.add("No scaling activity of " + group.name() + " since the stress was started by an alarm: the"
                    + " high-CPU alarm (MediaNodeCPUAlarmHigh) has not fired, or its action is not the scale-up policy.");
        } else {
            experiment.mark("high-CPU alarm fired");
            alarmCause = byAlarm.get(byAlarm.size() - 1).cause();
        }
        if (group.desiredCapacity() != desiredBefore + 1) {
            defects.add("The media group " + group.name() + " desires " + group.desiredCapacity() + " node(s), expected "
                    + (desiredBefore + 1) + ": its scale-up policy should add exactly one node when the high-CPU alarm"
                    + " fires (a policy that adds more, or an alarm that never fires, breaks the template's scaling).");
        } else {
            experiment.mark("desired capacity +1");
        }
        if (inService.size() != desiredBefore + 1) {
            defects.add("The media group has " + inService.size() + " node(s) in service.");
        }
        markFresh(inService, registered, "new node");
        defects.addAll(MediaNodeRules.registeredAsRunning(inService, registered, world.stack()));
        return defects;
    }

    private void markFresh(List<MediaInstance> inService, List<RegisteredMediaNode> registered, String what) {
        List<String> fresh = inService.stream().map(MediaInstance::instanceId).filter(id -> !mediaBefore.contains(id)).toList();
        if (!fresh.isEmpty()) {
            experiment.mark(what + " launched");
        }
        Set<String> known = registered.stream().map(RegisteredMediaNode::environmentId).collect(Collectors.toSet());
        if (!fresh.isEmpty() && known.containsAll(fresh)) {
            experiment.mark(what + " registered");
        }
    }

    private void note(String what) {
        world.evidence().note(String.format(Locale.ROOT, "%s %.1f s after the fault (budget %d s).", what,
                experiment.sinceFault().toMillis() / 1000.0, experiment.budgets().recovery().toSeconds()));
    }
}
