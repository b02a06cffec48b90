package dev.ovha.steps;

import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import java.nio.charset.StandardCharsets;

/** After each scenario: its evidence (notes, HTTP exchanges, what AWS reported) goes into its report. */
public final class ScenarioHooks {
    private final StackUnderTest world;

    public ScenarioHooks(StackUnderTest world) {
        this.world = world;
    }

    @After(order = 0)
    public void attachEvidence(Scenario scenario) {
        attach(scenario, world.evidence().notesText(), "How the verdict was reached");
        attach(scenario, world.evidence().httpText(), "HTTP exchanges (secrets removed)");
        attach(scenario, world.evidence().awsText(), "What AWS reported");
    }

    private static void attach(Scenario scenario, String text, String name) {
        if (!text.isEmpty()) {
            scenario.attach(text.getBytes(StandardCharsets.UTF_8), "text/plain", name);
        }
    }
}
