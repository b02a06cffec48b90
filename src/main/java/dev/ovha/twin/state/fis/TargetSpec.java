package dev.ovha.twin.state.fis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A template's target: which resources, by ARN or by tags, narrowed by filters, and how many of them
 * ({@code ALL}, {@code COUNT(n)}, {@code PERCENT(n)}). Resolved into concrete resources once, when an
 * experiment starts.
 */
public record TargetSpec(String resourceType, List<String> resourceArns, Map<String, String> resourceTags,
                         List<TargetFilter> filters, String selectionMode, Map<String, String> parameters) {

    public TargetSpec {
        resourceArns = List.copyOf(resourceArns);
        resourceTags = Collections.unmodifiableMap(new LinkedHashMap<>(resourceTags));
        filters = List.copyOf(filters);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
