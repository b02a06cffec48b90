package dev.ovha.target;

import dev.ovha.config.ConfigException;
import dev.ovha.config.HarnessConfig;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Which {@link TargetEnvironment} the Cucumber glue of this thread works on.
 *
 * <p>A normal run has one, resolved from the configuration on first use and closed when the JVM exits.
 * The harness's own tests run several suites in one JVM, each against its own twin with its own faults:
 * they bind an environment to the running thread for the duration of one Cucumber execution (which runs
 * on the thread that starts it).
 */
public final class Targets {
    private static final ThreadLocal<TargetEnvironment> BOUND = new ThreadLocal<>();
    private static TargetEnvironment fromConfiguration;
    private static RunRefused configurationRefusal;

    private Targets() {
    }

    /** The environment bound to this thread, else the one the configuration describes. */
    public static TargetEnvironment current() {
        TargetEnvironment bound = BOUND.get();
        return bound != null ? bound : fromConfiguration();
    }

    /** The environment already in use by this thread, without resolving one (for end-of-run checks). */
    public static synchronized java.util.Optional<TargetEnvironment> resolved() {
        TargetEnvironment bound = BOUND.get();
        return java.util.Optional.ofNullable(bound != null ? bound : fromConfiguration);
    }

    /** Runs {@code work} with {@code env} as this thread's environment. */
    public static <T> T using(TargetEnvironment env, Supplier<T> work) {
        Objects.requireNonNull(env, "env");
        TargetEnvironment previous = BOUND.get();
        BOUND.set(env);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                BOUND.remove();
            } else {
                BOUND.set(previous);
            }
        }
    }

    private static synchronized TargetEnvironment fromConfiguration() {
        if (configurationRefusal != null) {
            throw configurationRefusal;
        }
        if (fromConfiguration == null) {
            try {
                HarnessConfig config = HarnessConfig.fromEnvironment();
                System.out.println("ovha configuration (secrets hidden):" + System.lineSeparator() + config.describe());
                fromConfiguration = TargetEnvironment.open(config);
            } catch (ConfigException e) {
                configurationRefusal = new RunRefused("bad configuration: " + e.getMessage());
                throw configurationRefusal;
            } catch (RunRefused e) {
                configurationRefusal = e;
                throw e;
            }
            TargetEnvironment opened = fromConfiguration;
            Runtime.getRuntime().addShutdownHook(new Thread(opened::close, "ovha-target-close"));
        }
        return fromConfiguration;
    }
}
