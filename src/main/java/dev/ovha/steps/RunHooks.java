package dev.ovha.steps;

import dev.ovha.config.TagSelection;
import dev.ovha.target.PreflightReport;
import dev.ovha.target.RunRefused;
import dev.ovha.target.TargetEnvironment;
import dev.ovha.target.Targets;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;

/**
 * Once per run: the preflight before any scenario (a failure stops the run with one line), and at the
 * end a refusal if no scenario was selected, because an empty run is not a passed one.
 */
public final class RunHooks {
    private RunHooks() {
    }

    @BeforeAll(order = 0)
    public static void preflight() {
        try {
            TargetEnvironment env = Targets.current();
            PreflightReport report = env.preflight();
            System.out.println("ovha: checking stack " + report.stackName() + " (" + report.stackStatus() + ", OpenVidu "
                    + report.openViduVersion().orElse("version unknown") + ") at " + report.endpoint().url()
                    + " as " + report.identity().arn());
            report.warnings().forEach(w -> System.out.println("ovha: warning: " + w));
        } catch (RunRefused e) {
            System.err.println("ovha: stopped before any scenario: " + e.getMessage());
            throw e;
        }
    }

    @AfterAll(order = 0)
    public static void refuseAnEmptyRun() {
        Targets.resolved().filter(TargetEnvironment::preflightPassed).ifPresent(env -> {
            if (env.scenariosStarted() == 0) {
                java.util.Optional<String> expression = TagSelection.current();
                java.util.Optional<String> syntaxError = expression.flatMap(TagSelection::syntaxError);
                RunRefused refusal = syntaxError.isPresent()
                        ? new RunRefused("no scenario was selected: the tag expression '" + expression.get()
                                + "' does not parse (" + syntaxError.get() + "); fix -Dcucumber.filter.tags, e.g."
                                + " '@masters or @security'")
                        : new RunRefused("no scenario was selected" + expression.map(e -> " by the tag expression '"
                                + e + "'").orElse("") + ": check the tag expression (-Dcucumber.filter.tags; by default"
                                + " every scenario against the twin, @conformance against aws) against the tags in the features directory");
                System.err.println("ovha: " + refusal.getMessage());
                throw refusal;
            }
        });
    }
}
