package dev.ovha.selftest;

import dev.ovha.config.HarnessConfig;
import dev.ovha.eventually.Eventually;
import dev.ovha.target.TargetEnvironment;
import dev.ovha.target.TwinLaunch;
import dev.ovha.twin.Twin;
import dev.ovha.twin.sim.Fault;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A fresh twin shaped by configuration settings, broken by faults (topology faults at start, behaviour
 * faults injected), and, once the fault's symptom shows, the target environment the suite runs against.
 */
final class FaultedTwin implements AutoCloseable {
    /** Where the twin's state must be before the scenario runs, when the fault takes (virtual) time to show. */
    record Symptom(String name, Predicate<Twin> shows) {
    }

    private final Twin twin;
    private final TargetEnvironment env;

    private FaultedTwin(Twin twin, TargetEnvironment env) {
        this.twin = twin;
        this.env = env;
    }

    static FaultedTwin start(Set<Fault> faults, Map<String, String> settings, java.util.Optional<Symptom> symptom) {
        HarnessConfig config = config(settings);
        Set<Fault> topology = EnumSet.noneOf(Fault.class);
        faults.stream().filter(f -> f.kind() == Fault.Kind.TOPOLOGY).forEach(topology::add);
        Twin twin = Twin.start(TwinLaunch.options(config).withFaults(topology));
        try {
            faults.stream().filter(f -> f.kind() == Fault.Kind.BEHAVIOUR).forEach(twin::inject);
            symptom.ifPresent(s -> Eventually.that(s.name(), config.timeouts())
                    .observing(() -> s.shows().test(twin))
                    .describedBy(shown -> shown ? "showing" : "not showing yet")
                    .until(shown -> shown));
            return new FaultedTwin(twin, TargetEnvironment.attachedTo(config, twin));
        } catch (RuntimeException | Error e) {
            twin.close();
            throw e;
        }
    }

    /** The harness configuration these settings give, isolated from this machine's environment. */
    static HarnessConfig config(Map<String, String> settings) {
        Properties properties = new Properties();
        // Each twin its own undo journal: runs in parallel all name their stack ovha-twin, and one run's
        // start-of-run cleanup must never replay another's changes.
        properties.setProperty("ovha.chaos.journal", Path.of("target", "selftest-journals",
                "journal-" + java.util.UUID.randomUUID() + ".jsonl").toAbsolutePath().toString());
        properties.putAll(settings);
        return HarnessConfig.resolve(Map.of(), properties, Path.of("target"));
    }

    Twin twin() {
        return twin;
    }

    TargetEnvironment env() {
        return env;
    }

    @Override
    public void close() {
        try {
            env.close();
        } finally {
            twin.close();
        }
    }
}
