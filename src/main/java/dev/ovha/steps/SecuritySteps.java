package dev.ovha.steps;

import dev.ovha.config.Secret;
import dev.ovha.openvidu.HttpAnswer;
import dev.ovha.openvidu.OpenViduApi;
import dev.ovha.rules.SecurityRules;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Optional;

public final class SecuritySteps {
    /** Read-only requests only: a stack that wrongly let them through must still not change. */
    private static final List<String> API_PATHS = List.of("/openvidu/api/config", "/openvidu/api/health",
            "/openvidu/api/status", "/openvidu/api/sessions", "/openvidu/api/media-nodes", "/openvidu/api/recordings",
            "/openvidu/api/broadcast");
    private static final String REDIRECT_PATH = "/openvidu/api/config";

    private final StackUnderTest world;
    private List<HttpAnswer> answers;
    private String credentials;
    private HttpAnswer plainHttp;

    public SecuritySteps(StackUnderTest world) {
        this.world = world;
    }

    @When("every API path is requested with a wrong secret")
    public void wrongSecret() {
        credentials = "a wrong secret";
        answers = requestAll(world.api().withSecret(Secret.of("ovha-wrong-" + Long.toHexString(System.nanoTime()))));
    }

    @When("every API path is requested without credentials")
    public void noCredentials() {
        credentials = "no credentials";
        answers = requestAll(world.api().withoutCredentials());
    }

    @Then("every request is refused with 401")
    public void allRefused() {
        Verdicts.assertNoDefects(SecurityRules.allRefused(answers, credentials));
    }

    @When("the API is requested over plain HTTP")
    public void plainHttp() {
        plainHttp = world.api().plainHttp(REDIRECT_PATH);
    }

    @Then("the load balancer redirects to the same address over HTTPS")
    public void redirects() {
        Verdicts.assertNoDefects(SecurityRules.redirectsToHttps(plainHttp, world.endpoint(), REDIRECT_PATH));
    }

    private static List<HttpAnswer> requestAll(OpenViduApi api) {
        return API_PATHS.stream().map(path -> api.send("GET", path, Optional.empty())).toList();
    }
}
