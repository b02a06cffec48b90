package dev.ovha.twin.state.fis;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stored experiment template: its id and ARN, its definition, and its tags (the one part that changes). */
public final class ExperimentTemplate {

    private final String id;
    private final String arn;
    private final TemplateDefinition definition;
    private final Instant creationTime;
    private final Map<String, String> tags;

    ExperimentTemplate(String id, String arn, TemplateDefinition definition, Instant creationTime, Map<String, String> tags) {
        this.id = id;
        this.arn = arn;
        this.definition = definition;
        this.creationTime = creationTime;
        this.tags = new LinkedHashMap<>(tags);
    }

    public String id() {
        return id;
    }

    public String arn() {
        return arn;
    }

    public TemplateDefinition definition() {
        return definition;
    }

    public Instant creationTime() {
        return creationTime;
    }

    /** Templates are never updated here (UpdateExperimentTemplate is not emulated). */
    public Instant lastUpdateTime() {
        return creationTime;
    }

    public Map<String, String> tags() {
        return Collections.unmodifiableMap(tags);
    }

    Map<String, String> mutableTags() {
        return tags;
    }
}
