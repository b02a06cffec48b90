package dev.ovha.openvidu;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code GET /openvidu/api/config} as one master answered it.
 *
 * @param instanceId {@code AWS_INSTANCE_ID}: the EC2 instance of the master that answered
 * @param values     every key of the answer, JSON values as Java values (String, Number, Boolean, List, Map)
 */
public record OpenViduConfig(String instanceId, SortedMap<String, Object> values) {
    public static final String INSTANCE_ID = "AWS_INSTANCE_ID";

    public OpenViduConfig {
        values = new TreeMap<>(values);
    }

    public Optional<Object> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The OpenVidu version the master runs, {@code VERSION}. */
    public Optional<String> version() {
        return value("VERSION").map(String::valueOf);
    }

    /** Everything except {@code AWS_INSTANCE_ID}, which is the one key that differs between masters by design. */
    public Map<String, Object> shared() {
        TreeMap<String, Object> shared = new TreeMap<>(values);
        shared.remove(INSTANCE_ID);
        return shared;
    }
}
