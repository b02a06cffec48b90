package dev.ovha.twin.state.fis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A template's action: what to do ({@code actionId} with its parameters), to which targets (action
 * target key, such as {@code Instances}, → template target name), and after which other actions.
 *
 * @param description null when the template gave none
 */
public record ActionSpec(String actionId, String description, Map<String, String> parameters,
                         Map<String, String> targets, List<String> startAfter) {

    public ActionSpec {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        startAfter = List.copyOf(startAfter);
    }
}
