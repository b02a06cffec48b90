package dev.ovha.steps;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.ovha.driver.ConfigFile;
import dev.ovha.eventually.Eventually;
import dev.ovha.openvidu.OpenViduApi;
import dev.ovha.openvidu.OpenViduApiException;
import dev.ovha.openvidu.OpenViduConfig;
import dev.ovha.openvidu.ServerStatus;
import dev.ovha.probe.BalancingSample;
import dev.ovha.probe.CoverageBound;
import dev.ovha.rules.ChangeRules;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration changes reach every master: through {@code POST /openvidu/api/restart} (persisted to the S3
 * {@code .env}, every master restarts) and through the S3 {@code .env} itself (with auto-restart on, every
 * master restarts; with it off, nothing happens). A restart is seen in {@code GET /openvidu/api/status}: every
 * master, asked through the balancer, shows a restart later than any start or restart seen before the change.
 */
public final class ConfigurationChangeSteps {
    static final String AUTO_RESTART = "OPENVIDU_ENTERPRISE_S3_CONFIG_AUTORESTART";
    /** Modifiable through /restart ({@code openvidu-ha.md} §1.8), harmless to change for a minute. */
    private static final String RESTART_PROPERTY = "OPENVIDU_SESSIONS_GARBAGE_INTERVAL";
    private static final String DOT_ENV_PROPERTY = "OPENVIDU_SESSIONS_GARBAGE_THRESHOLD";

    private final StackUnderTest world;
    private final ChaosScenario chaos;
    private long lastStartBeforeChange;
    private String property;
    private String previousValue;
    private String newValue;

    public ConfigurationChangeSteps(StackUnderTest world, ChaosScenario chaos) {
        this.world = world;
        this.chaos = chaos;
    }

    /** The template's OpenViduS3ConfigAutoRestart; the masters' compose file defaults it to true. */
    @Given("the masters restart by themselves when the S3 .env changes")
    public void autoRestartOn() {
        String value = world.configBucket().dotEnv(world.stack()).value(AUTO_RESTART).orElse("true");
        Verdicts.skipUnless(value.equalsIgnoreCase("true"), "the stack runs with " + AUTO_RESTART + "=" + value
                + " (the OpenViduS3ConfigAutoRestart parameter), so the masters do not restart on .env changes");
    }

    @When("a modifiable property is changed through the API's restart operation")
    public void changeThroughRestart() {
        prepare(RESTART_PROPERTY, "120", "180");
        chaos.stackChanges().changeConfiguration(chaos.name(), bucket(),
                Map.of(property, IntNode.valueOf(Integer.parseInt(newValue))));
    }

    @When("a property is edited in the S3 .env")
    public void editDotEnv() {
        prepare(DOT_ENV_PROPERTY, "1800", "2700");
        chaos.stackChanges().editDotEnv(chaos.name(), bucket(), Map.of(property, newValue));
    }

    /** Turning it off is itself a change of the .env, which the masters pick up with a restart. */
    @When("auto-restart is turned off in the S3 .env")
    public void turnAutoRestartOff() {
        lastStartBeforeChange = ChangeRules.latestStart(everyMastersStatus());
        chaos.stackChanges().editDotEnvRestartingOnUndo(chaos.name(), bucket(), Map.of(AUTO_RESTART, "false"),
                "auto-restart was off, so the masters do not notice the .env being put back");
    }

    @Then("every master restarts")
    public void everyMasterRestarts() {
        Eventually.that("every master restarted after the change", world.timeouts())
                .observing(() -> lookingAt(() -> ChangeRules.restartedSince(lastStartBeforeChange,
                        world.lookAtEveryMaster(OpenViduApi::status))))
                .describedBy(defects -> String.join(" ", defects))
                .until(List::isEmpty);
    }

    @Then("every master serves the new value")
    public void servesNewValue() {
        Eventually.that("every master serving " + property + "=" + newValue, world.timeouts())
                .observing(() -> lookingAt(() -> ChangeRules.serves(sample(), world.fleet().servingIds(), property, newValue)))
                .describedBy(defects -> String.join(" ", defects))
                .until(List::isEmpty);
    }

    @Then("the S3 .env holds the new value")
    public void persisted() {
        Eventually.that(property + "=" + newValue + " persisted in the S3 .env", world.timeouts())
                .observing(() -> {
                    ConfigFile dotEnv = world.configBucket().dotEnv(world.stack());
                    return ChangeRules.persisted(dotEnv.location(), property, dotEnv.value(property), newValue);
                })
                .describedBy(defects -> String.join(" ", defects))
                .until(List::isEmpty);
    }

    /**
     * Watched for a third of the configured wait: far longer than the masters take to notice an .env change
     * when auto-restart is on (the twin's poll is 10 virtual seconds), short enough for a game-day. What shows that
     * a master acted stays to be seen however late a look comes (its restart time and counter, the value it serves),
     * so only that ends the watch early; a look that could not ask every master (a master restarting, a request
     * timing out on a busy machine) proves nothing either way, and the watch ends on a look that asked them all.
     */
    @Then("for a while no master restarts and every master still serves the previous value")
    public void nothingChanges() {
        Duration quiet = world.timeouts().defaultTimeout().dividedBy(3);
        long started = System.nanoTime();
        Eventually.that("no master restarting nor serving " + property + "=" + newValue + " for " + quiet.toSeconds()
                        + " s while auto-restart is off", world.timeouts())
                .observing(this::quietLook)
                .describedBy(QuietLook::describe)
                .failFastWhen(look -> !look.acted().isEmpty(), look -> "the masters acted on an .env change although"
                        + " " + AUTO_RESTART + "=false: with auto-restart off they must wait to be restarted or replaced")
                .until(look -> look.unanswered().isEmpty()
                        && Duration.ofNanos(System.nanoTime() - started).compareTo(quiet) >= 0);
    }

    /**
     * One look while auto-restart is off.
     *
     * @param acted      what shows a master acted on the edit (a restart since, the new value served)
     * @param unanswered what could not be seen (masters that did not answer, requests that failed)
     */
    private record QuietLook(List<String> acted, List<String> unanswered) {
        String describe() {
            return acted.isEmpty() && unanswered.isEmpty() ? "quiet so far"
                    : String.join(" ", acted) + (unanswered.isEmpty() ? "" : " Not seen: " + String.join(" ", unanswered));
        }
    }

    private QuietLook quietLook() {
        List<String> acted = new java.util.ArrayList<>();
        List<String> unanswered = new java.util.ArrayList<>();
        try {
            List<ServerStatus> restarted = world.lookAtEveryMaster(OpenViduApi::status).stream()
                    .filter(s -> s.lastRestartTime() > lastStartBeforeChange).toList();
            if (!restarted.isEmpty()) {
                acted.add("a master restarted after the .env edit (restartCounter " + restarted.get(0).restartCounter()
                        + ", lastRestartTime " + restarted.get(0).lastRestartTime() + ").");
            }
            BalancingSample sample = sample();
            unanswered.addAll(ChangeRules.unanswered(sample, world.fleet().servingIds()));
            acted.addAll(ChangeRules.servedOtherwise(sample, property, previousValue));
        } catch (RuntimeException | OpenViduApiException e) {
            unanswered.add("the masters could not be asked: " + e.getMessage());
        }
        return new QuietLook(acted, unanswered);
    }

    /** Picks the value to change to (one of two, whichever differs) and notes the moment before the change. */
    private void prepare(String key, String one, String other) {
        property = key;
        previousValue = world.api().config().value(key).map(String::valueOf).orElse("(absent)");
        newValue = previousValue.equals(one) ? other : one;
        lastStartBeforeChange = ChangeRules.latestStart(everyMastersStatus());
        world.evidence().note("Changing " + key + " from " + previousValue + " to " + newValue + "; the latest master"
                + " start or restart before the change: " + lastStartBeforeChange + " ms.");
    }

    private List<ServerStatus> everyMastersStatus() {
        return world.askEveryMaster(() -> world.api().status());
    }

    private BalancingSample sample() {
        int masters = Math.max(1, world.lookAtMasters().serving().size());
        return world.balancing().sample(world.fleet().servingIds(), CoverageBound.forMasters(masters));
    }

    private String bucket() {
        return world.stack().bucketName().orElseThrow(() -> new AssertionError("stack " + world.stack().name()
                + " names no configuration bucket: without it the masters cannot share a .env"));
    }

    /** A master restarting answers errors for a moment: that is a state to wait through, not a verdict. */
    private static List<String> lookingAt(java.util.function.Supplier<List<String>> look) {
        try {
            return look.get();
        } catch (RuntimeException | OpenViduApiException e) {
            // A master restarting answers 502 through the load balancer: not yet, look again.
            return List.of("the masters could not be asked: " + e.getMessage());
        }
    }
}
