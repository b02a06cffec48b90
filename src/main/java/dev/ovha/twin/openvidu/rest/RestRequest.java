package dev.ovha.twin.openvidu.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An HTTP request as a master's replication-manager receives it from the load balancer. */
public record RestRequest(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {

    public RestRequest {
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = caseInsensitive;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public Map<String, String> query() {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(query().getOrDefault(name, "false"));
    }

    /** The Basic-auth password when the user is {@code OPENVIDUAPP}. */
    public Optional<String> openViduSecret() {
        return header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6))
                .map(h -> {
                    try {
                        return new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        return "";
                    }
                })
                .filter(userPass -> userPass.startsWith("OPENVIDUAPP:"))
                .map(userPass -> userPass.substring("OPENVIDUAPP:".length()));
    }
}
