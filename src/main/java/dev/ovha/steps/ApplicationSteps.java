package dev.ovha.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.eventually.Eventually;
import dev.ovha.openvidu.ApplicationSession;
import dev.ovha.openvidu.IssuedConnection;
import dev.ovha.openvidu.OpenViduApplication;
import dev.ovha.openvidu.OpenViduSession;
import dev.ovha.rules.ApplicationRules;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;

public final class ApplicationSteps {
    private final StackUnderTest world;
    private OpenViduApplication application;
    private ApplicationSession session;
    private IssuedConnection connection;
    private boolean closed;

    public ApplicationSteps(StackUnderTest world) {
        this.world = world;
    }

    @Given("an application using the official OpenVidu Java client against the domain")
    public void application() {
        application = world.application();
    }

    @When("it opens a session and creates a connection in it")
    public void openAndConnect() {
        session = application.openSession();
        connection = application.connect(session);
    }

    @Then("the connection's token has the documented form for the stack's domain")
    public void documentedToken() {
        Verdicts.assertNoDefects(ApplicationRules.documentedToken(connection, session, world.stack().domainName()));
    }

    @Then("the application sees the session among the cluster's active sessions")
    public void applicationSeesIt() {
        assertThat(application.activeSessionIds()).as("active sessions after openvidu-java-client's fetch()")
                .contains(session.id());
    }

    /** The cluster's list is the union over masters; a moment may pass before every master's view has it. */
    @Then("the REST API lists the session")
    public void listed() {
        Eventually.that("session " + session.id() + " listed by GET /openvidu/api/sessions", world.timeouts())
                .observing(() -> ids(world.api().sessions()))
                .describedBy(ids -> "listed sessions " + ids)
                .until(ids -> ids.contains(session.id()));
    }

    @When("the application closes the session")
    public void close() {
        application.close(session);
        closed = true;
    }

    @Then("the REST API no longer lists the session")
    public void notListed() {
        Eventually.that("session " + session.id() + " gone from GET /openvidu/api/sessions", world.timeouts())
                .observing(() -> ids(world.api().sessions()))
                .describedBy(ids -> "listed sessions " + ids)
                .until(ids -> !ids.contains(session.id()));
    }

    /**
     * A scenario that failed half-way must not leave its session on the stack. Order 100 runs before the
     * evidence is attached (order 0: Cucumber runs after-hooks from the highest order down).
     */
    @After(value = "@application", order = 100)
    public void closeLeftovers() {
        if (session != null && !closed) {
            try {
                application.close(session);
            } catch (RuntimeException | AssertionError e) {
                world.evidence().note("Could not close session " + session.id() + " after the failure: " + e.getMessage());
            }
        }
    }

    private static List<String> ids(List<OpenViduSession> sessions) {
        return sessions.stream().map(OpenViduSession::id).toList();
    }
}
