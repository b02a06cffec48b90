package dev.ovha.twin.state.fis;

import java.util.List;

/** A target filter: an attribute path of the resource's Describe output and the values it may have. */
public record TargetFilter(String path, List<String> values) {

    public TargetFilter {
        values = List.copyOf(values);
    }
}
