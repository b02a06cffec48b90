package dev.ovha.twin.sim;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every duration and threshold the twin's dynamics use, by name, in virtual time. Defaults are the
 * vendor template's values (health check 10 s / 5 s / 3 healthy / 4 unhealthy, grace 180 s, lifecycle
 * hook heartbeat 30 s, scaling cooldown 60 s) or AWS's defaults where the template sets nothing
 * (deregistration delay 300 s), or OpenVidu's (3 s media-node reconnection window on AWS). EC2 boot,
 * OpenVidu start-up and restart times and the replication-manager's S3 polling interval are our
 * estimates: the vendor does not document them. So are FIS's {@code fisInitiation} (an experiment
 * resolves its targets and starts its first actions about a second after StartExperiment, as AWS's
 * own examples show) and {@code fisStopping} (stopping → stopped).
 */
public record Timings(
        Duration instanceBoot,
        Duration instanceShutdown,
        Duration instanceStop,
        Duration masterStartup,
        Duration healthCheckInterval,
        Duration healthCheckTimeout,
        int healthyThreshold,
        int unhealthyThreshold,
        Duration registrationDelay,
        Duration deregistrationDelay,
        Duration masterGracePeriod,
        Duration mediaGracePeriod,
        Duration lifecycleHookHeartbeat,
        Duration scalingCooldown,
        Duration autoScalingHealthSweep,
        Duration terminatedVisibility,
        Duration masterRestart,
        Duration configPollInterval,
        Duration mediaNodeReconnectionTimeout,
        Duration ssmInvocationDelay,
        Duration ssmExecution,
        Duration queuePollInterval,
        Duration fisInitiation,
        Duration fisStopping) {

    public static Timings templateDefaults() {
        return new Timings(
                Duration.ofSeconds(20),
                Duration.ofSeconds(15),
                Duration.ofSeconds(15),
                Duration.ofSeconds(60),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                3,
                4,
                Duration.ofSeconds(5),
                Duration.ofSeconds(300),
                Duration.ofSeconds(180),
                Duration.ofSeconds(300),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                Duration.ofSeconds(10),
                Duration.ofHours(1),
                Duration.ofSeconds(20),
                Duration.ofSeconds(10),
                Duration.ofSeconds(3),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2));
    }

    /** The timings by name (seconds, or a count for thresholds), for dumps and for {@link #with}. */
    public Map<String, Number> asMap() {
        Map<String, Number> map = new LinkedHashMap<>();
        for (var component : Timings.class.getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(this);
                map.put(component.getName(), value instanceof Duration d ? d.toMillis() / 1000.0 : (Number) value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return map;
    }

    /**
     * A copy with one timing replaced: {@code name} is a component name (case-insensitive), {@code value}
     * seconds for durations or a count for thresholds.
     */
    public Timings with(String name, double value) {
        Map<String, Number> map = asMap();
        String key = map.keySet().stream()
                .filter(k -> k.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown timing '" + name + "'; known timings: " + String.join(", ", map.keySet())));
        if (value < 0) {
            throw new IllegalArgumentException("timing " + key + " must not be negative, got " + value);
        }
        map.put(key, value);
        var components = Timings.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            Number n = map.get(components[i].getName());
            args[i] = types[i] == Duration.class ? Duration.ofMillis(Math.round(n.doubleValue() * 1000)) : n.intValue();
        }
        try {
            return Timings.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
