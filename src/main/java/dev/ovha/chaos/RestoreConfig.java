package dev.ovha.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ovha.report.SecretKeys;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Puts OpenVidu configuration properties back through {@code POST /openvidu/api/restart}, with the values
 * {@code GET /openvidu/api/config} showed before the change. Skipped when the served values already match,
 * as the vendor's own restart helper does, because a restart interrupts every master.
 *
 * @param previous the properties' previous values, as JSON
 */
public record RestoreConfig(Map<String, JsonNode> previous) implements UndoAction {

    public RestoreConfig {
        previous = Map.copyOf(new TreeMap<>(previous));
        if (previous.isEmpty()) {
            throw new IllegalArgumentException("nothing to restore");
        }
        previous.keySet().stream().filter(SecretKeys::looksSecret).findFirst().ifPresent(secret -> {
            throw new ChaosRefused("refused: " + secret + " looks like a secret, and its value must never enter the"
                    + " undo journal, so a change to it could not be undone; change another property");
        });
    }

    @Override
    public String describe() {
        return "restore OpenVidu configuration " + keys() + " with POST /openvidu/api/restart";
    }

    @Override
    public String undo(UndoContext context) {
        OpenViduAdmin openvidu = context.openvidu();
        JsonNode served = openvidu.config();
        boolean same = previous.entrySet().stream().allMatch(e -> sameValue(e.getValue(), served.get(e.getKey())));
        if (same) {
            return "OpenVidu already serves " + keys() + " as before";
        }
        openvidu.restart(previous);
        return "OpenVidu configuration " + keys() + " restored (POST /openvidu/api/restart; the masters restart)";
    }

    /** {@code true} and {@code "true"}, {@code 900} and {@code "900"} are the same value to OpenVidu. */
    static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (actual == null || actual.isMissingNode()) {
            return false;
        }
        if (expected.equals(actual)) {
            return true;
        }
        return expected.isValueNode() && actual.isValueNode() && expected.asText().equals(actual.asText());
    }

    private String keys() {
        return previous.keySet().stream().collect(Collectors.joining(", "));
    }
}
