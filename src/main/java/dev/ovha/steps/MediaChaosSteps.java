package dev.ovha.steps;

import dev.ovha.chaos.CpuStressFault;
import dev.ovha.chaos.MediaNodeCrashFault;
import dev.ovha.driver.GroupView;
import dev.ovha.driver.MediaInstance;
import dev.ovha.driver.ScalingActivityView;
import dev.ovha.eventually.Eventually;
import dev.ovha.openvidu.OpenViduApi;
import dev.ovha.openvidu.OpenViduSession;
import dev.ovha.openvidu.RegisteredMediaNode;
import dev.ovha.rules.MediaNodeRules;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
    private final String prefix = "ovha-chaos-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final Map<String, String> sessionsByNode = new LinkedHashMap<>();
    private Set<String> activitiesBefore = Set.of();

    public MediaChaosSteps(StackUnderTest world, ExperimentUnderTest experiment) {
        this.world = world;
        this.experiment = experiment;
    }

    /** One session allocated to each registered running media node, with OpenVidu Pro's media node selector. */
    @Given("a session on every running media node")
    public void sessionOnEveryNode() {
        OpenViduApi api = world.api();
        List<RegisteredMediaNode> running = world.media().registered().stream()
                .filter(n -> n.status().equals("running")).toList();
        for (RegisteredMediaNode node : running) {
            OpenViduSession session = api.createSession(Optional.of(prefix + node.environmentId()), Optional.of(node.id()));
            sessionsByNode.put(session.id(), node.id());
        }
        world.evidence().note("Sessions before the crash, by media node: " + sessionsByNode);
    }

    @When("one running media node crashes")
    public void crashOneMediaNode() {
        List<String> running = rememberMedia();
        victim = running.stream().sorted().findFirst().orElseThrow(() -> new AssertionError("The media group "
                + world.stack().mediaGroupName() + " has no running media node to crash."));
        experiment.inject(() -> new MediaNodeCrashFault(experiment.faults())
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

    /**
     * "All sessions on that node are closed … the app must re-create the session with the same id; the new
     * session lands on another media node" (the vendor's fault-tolerance guide).
     */
    @Then("the crashed node's sessions are gone, the others remain, and each can be created again under its id on another node")
    public void sessionsOfTheCrashedNode() {
        OpenViduApi api = world.api();
        String crashedNode = "media_" + victim;
        List<String> defects = new ArrayList<>();
        List<String> recreated = new ArrayList<>();
        // The masters close a crashed node's sessions once they have given up on it, which may come a moment after
        // the node left their list: wait for that (within the recovery budget) before judging, not one look.
        List<String> onCrashed = sessionsByNode.entrySet().stream().filter(e -> e.getValue().equals(crashedNode))
                .map(java.util.Map.Entry::getKey).sorted().toList();
        Eventually.that("the masters close the sessions " + onCrashed + " of the crashed media node " + crashedNode
                        + " (until they do, its users are never told to rejoin)", experiment.recoveryTimeLeft())
                .observing(() -> onCrashed.stream().filter(s -> api.session(s).isPresent()).toList())
                .describedBy(open -> "still answered: " + open)
                .until(List::isEmpty);
        List<String> survivors = world.media().registered().stream().filter(n -> n.status().equals("running"))
                .map(RegisteredMediaNode::id).filter(id -> !id.equals(crashedNode)).toList();
        sessionsByNode.forEach((session, node) -> {
            Optional<OpenViduSession> now = api.session(session);
            if (node.equals(crashedNode) && now.isPresent()) {
                defects.add("Session " + session + " on the crashed media node " + crashedNode + " is still answered"
                        + " (allocated to " + now.get().mediaNodeId() + "): the masters did not close the crashed"
                        + " node's sessions, so its users are never told to rejoin.");
            } else if (!node.equals(crashedNode) && now.isEmpty()) {
                defects.add("Session " + session + " on media node " + node + " is gone although its node did not"
                        + " crash: a media node's crash must close its own sessions only.");
            } else if (node.equals(crashedNode) && !survivors.isEmpty()) {
                OpenViduSession again = api.createSession(Optional.of(session), Optional.of(survivors.get(0)));
                recreated.add(session + " on " + again.mediaNodeId());
            }
        });
        world.evidence().note("Sessions of the crashed node created again: " + recreated);
        Verdicts.assertNoDefects(defects);
    }

    /** The scenario's sessions are closed, passed or failed (order 100: before the rollbacks and the evidence). */
    @After(value = "@disruptive", order = 100)
    public void closeSessions() {
        if (sessionsByNode.isEmpty()) {
            return;
        }
        OpenViduApi api = world.api();
        for (String id : sessionsByNode.keySet()) {
            try {
                if (api.session(id).isPresent()) {
                    api.closeSession(id);
                }
            } catch (RuntimeException | AssertionError e) {
                world.evidence().note("Could not close session " + id + ": " + e.getMessage());
            }
        }
    }

    @When("the media nodes' CPU is stressed")
    public void stressCpu() {
        rememberMedia();
        experiment.inject(() -> new CpuStressFault(experiment.faults()).inject(experiment.name(), world.stack().mediaGroupName()));
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
        activitiesBefore = world.groups().activities(group.name()).stream().map(MediaChaosSteps::identity)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
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
        // The identity leaves out status and end time, which change while an activity that began before finishes.
        List<ScalingActivityView> byAlarm = world.groups().activities(group.name()).stream()
                .filter(a -> a.fromAlarm() && !activitiesBefore.contains(identity(a))).toList();
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

    private static String identity(ScalingActivityView activity) {
        return activity.description() + " @ " + activity.startTime();
    }
}
