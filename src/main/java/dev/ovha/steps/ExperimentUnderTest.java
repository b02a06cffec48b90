package dev.ovha.steps;

import dev.ovha.chaos.ChaosBudgets;
import dev.ovha.chaos.ChaosRefused;
import dev.ovha.chaos.FaultContext;
import dev.ovha.chaos.FisRole;
import dev.ovha.chaos.Injection;
import dev.ovha.config.Timeouts;
import dev.ovha.probe.AvailabilityProber;
import dev.ovha.probe.ProbeSettings;
import dev.ovha.probe.Timeline;
import dev.ovha.probe.TimelineReport;
import dev.ovha.probe.TimelineSummary;
import dev.ovha.target.TargetEnvironment;
import dev.ovha.target.Targets;
import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.opentest4j.TestAbortedException;

/**
 * One {@code @disruptive} scenario's experiment (picocontainer builds one per scenario): the fault's context
 * (guard, journal, FIS role), the budgets it is held to, the availability prober running from before the
 * fault until the scenario ends, the fault as injected, and the markers of what was observed when. After the
 * scenario, passed or failed, the timeline chart and its raw samples are written under
 * {@code reports/timelines/} and attached to the report.
 */
public final class ExperimentUnderTest {
    private final StackUnderTest world;
    private final ChaosScenario chaos;
    private final TargetEnvironment env;
    private final ChaosBudgets budgets;
    private final Set<String> marked = new LinkedHashSet<>();
    private AvailabilityProber prober;
    private Timeline timeline;
    private Injection injection;

    public ExperimentUnderTest(StackUnderTest world, ChaosScenario chaos) {
        this.world = world;
        this.chaos = chaos;
        this.env = Targets.current();
        this.budgets = ChaosBudgets.from(env.config());
    }

    /** The scenario's name, as the journal records it. */
    String name() {
        return chaos.name();
    }

    ChaosBudgets budgets() {
        return budgets;
    }

    /** The fault's context; built on first use, after the guard rails let the scenario run. */
    FaultContext faults() {
        String account = world.account().identity().account();
        return new FaultContext(chaos.run().guard(), chaos.run().stack(), chaos.run().journal(), env.aws(),
                FisRole.from(env.config(), account), env.config().region(), account,
                env.config().timeouts(), chaos.stop());
    }

    void startProbingIfNotYet() {
        if (prober == null) {
            startProbing();
        }
    }

    void startProbing() {
        prober = AvailabilityProber.start(world.endpoint(), ProbeSettings.from(env.config()));
        world.evidence().note("Availability prober started: GET " + ProbeSettings.from(env.config()).path() + " at "
                + ProbeSettings.from(env.config()).rate() + " requests per second.");
    }

    /**
     * Injects a fault: a guard rail that says no (too few healthy masters, no FIS role, a subnet holding two
     * masters) skips the scenario with its reason, nothing touched.
     */
    void inject(Supplier<Injection> fault) {
        Injection made;
        try {
            made = fault.get();
        } catch (ChaosRefused e) {
            throw new TestAbortedException(e.getMessage());
        }
        injected(made);
    }

    /**
     * Records the fault; in a dry run the scenario ends here, skipped, with what FIS resolved (or what would
     * have been terminated) in its report, since nothing was touched and there is nothing to observe.
     */
    private void injected(Injection fault) {
        this.injection = fault;
        mark("fault start", fault.at());
        world.evidence().note("Fault: " + fault.describe());
        fault.experiment().ifPresent(run -> world.evidence().note("FIS: " + run.describe()));
        if (!fault.made()) {
            throw new TestAbortedException("skipped: dry run (ovha.chaos.dryRun=true): " + fault.describe()
                    + "; nothing was touched");
        }
    }

    Injection injection() {
        if (injection == null) {
            throw new IllegalStateException("no step of this scenario has injected a fault yet");
        }
        return injection;
    }

    /** Time since the fault started. */
    Duration sinceFault() {
        return Duration.between(injection().at(), Instant.now());
    }

    /** What is left of the recovery budget, as a wait's time limit (at least a poll interval). */
    Timeouts recoveryTimeLeft() {
        Duration left = budgets.recovery().minus(sinceFault());
        Duration poll = world.timeouts().pollInterval();
        return new Timeouts(left.compareTo(poll) > 0 ? left : poll, poll);
    }

    /** A marker at its first observation only. */
    void mark(String label, Instant at) {
        if (prober != null && marked.add(label)) {
            prober.mark(label, at);
        }
    }

    void mark(String label) {
        mark(label, Instant.now());
    }

    /** What the prober has seen from the fault until now, probing on. */
    TimelineSummary availabilitySinceFault() {
        Timeline all = prober.snapshot();
        Instant from = injection().at();
        return new Timeline(all.url(), all.interval(), from, all.end(),
                all.samples().stream().filter(s -> !s.start().isBefore(from)).toList(), all.markers()).summary();
    }

    /** Order 60: after the scenario's own clean-ups (100), before the rollbacks (50) and the evidence (0). */
    @After(value = "@disruptive", order = 60)
    public void writeTimeline(Scenario scenario) {
        if (prober == null) {
            return;
        }
        timeline = prober.stop();
        try {
            TimelineReport report = TimelineReport.write(TimelineReport.DEFAULT_ROOT, scenario.getName(), timeline);
            scenario.attach(Files.readAllBytes(report.chart()), "image/png", "Availability timeline");
            scenario.attach(Files.readAllBytes(report.samples()), "application/json", "Availability samples");
            world.evidence().note("Availability: " + timeline.summary().oneLine() + "; timeline in " + report.directory());
        } catch (IOException e) {
            scenario.attach(("The timeline could not be written: " + e.getMessage()).getBytes(StandardCharsets.UTF_8),
                    "text/plain", "Availability timeline");
        }
    }

    Optional<Timeline> timeline() {
        return Optional.ofNullable(timeline);
    }
}
