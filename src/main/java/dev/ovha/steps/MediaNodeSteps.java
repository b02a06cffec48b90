package dev.ovha.steps;

import dev.ovha.driver.MediaInstance;
import dev.ovha.openvidu.HttpAnswer;
import dev.ovha.openvidu.OpenViduApi;
import dev.ovha.openvidu.RegisteredMediaNode;
import dev.ovha.probe.CoverageBound;
import dev.ovha.probe.MediaViewSample;
import dev.ovha.rules.MediaNodeRules;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Optional;

public final class MediaNodeSteps {
    /**
     * Requests a non-HA cluster would accept without changing anything that exists: an id no node has,
     * an instance type AWS does not offer. The point is the status code, never the effect.
     */
    private static final String NO_SUCH_NODE = "media_i-ovha0000000000000";
    private static final String NO_SUCH_TYPE = "{\"instanceType\":\"ovha.not-a-type\",\"volumeSize\":1}";

    private final StackUnderTest world;
    private List<MediaInstance> instances;
    private List<RegisteredMediaNode> registered;
    private List<HttpAnswer> attempts;
    private MediaViewSample views;

    public MediaNodeSteps(StackUnderTest world) {
        this.world = world;
    }

    @Given("the media group's in-service instances as AWS reports them")
    public void inService() {
        instances = world.media().inService(world.stack());
    }

    @When("the media nodes OpenVidu has registered are listed")
    public void listRegistered() {
        registered = world.media().registered();
    }

    @Then("each instance is registered as running and connected, at its private IP, and no other node is")
    public void registeredAsRunning() {
        Verdicts.assertNoDefects(MediaNodeRules.registeredAsRunning(instances, registered, world.stack()));
    }

    /** No autodiscovery (PUT): on a cluster that wrongly accepted it, it would register whatever it finds. */
    @When("an application tries to add, change and remove media nodes through the API")
    public void tryMutations() {
        OpenViduApi api = world.api();
        attempts = List.of(
                api.send("POST", "/openvidu/api/media-nodes?wait=false", Optional.of(NO_SUCH_TYPE)),
                api.send("PATCH", "/openvidu/api/media-nodes/" + NO_SUCH_NODE, Optional.of("{\"status\":\"canceled\"}")),
                api.send("DELETE", "/openvidu/api/media-nodes/" + NO_SUCH_NODE + "?wait=false", Optional.empty()));
    }

    @Then("every attempt is refused as not allowed in a high-availability cluster")
    public void allRefused() {
        Verdicts.assertNoDefects(MediaNodeRules.mutationsRefused(attempts));
    }

    /** An answer does not say which master gave it: ask as often as it takes to reach them all, and compare. */
    @When("the media nodes are listed through the domain as often as it takes to reach every master")
    public void listThroughEveryMaster() {
        CoverageBound bound = CoverageBound.forMasters(Math.max(1, world.lookAtMasters().serving().size()));
        world.evidence().note("Requests: " + bound.explained() + ".");
        views = world.mediaViews().sample(bound);
    }

    @Then("every answer lists the same media nodes in the same state")
    public void sameView() {
        Verdicts.assertNoDefects(MediaNodeRules.sameViewFromEveryMaster(views));
    }
}
