package dev.ovha.twin.openvidu;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenVidu {@code .env} file: {@code KEY=value} lines, comments and blank lines ignored, order kept.
 * It is what the masters read from the S3 bucket at boot and what {@code POST /restart} persists.
 */
public final class DotEnv {

    private final Map<String, String> values;

    private DotEnv(Map<String, String> values) {
        this.values = values;
    }

    public static DotEnv parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
            }
        }
        return new DotEnv(values);
    }

    public static DotEnv of(Map<String, String> values) {
        return new DotEnv(new LinkedHashMap<>(values));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String getOrDefault(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(values.getOrDefault(key, "false"));
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** A copy with {@code changes} applied (new keys appended at the end). */
    public DotEnv with(Map<String, String> changes) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.putAll(changes);
        return new DotEnv(copy);
    }

    public String format() {
        StringBuilder sb = new StringBuilder("# OpenVidu Enterprise configuration (kept in S3; edit with care)\n");
        values.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
