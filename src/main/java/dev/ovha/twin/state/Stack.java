package dev.ovha.twin.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A CloudFormation stack as DescribeStacks reports it, with its resources. */
public record Stack(String name, String id, String description, String status, Instant creationTime,
                    Instant lastUpdatedTime, List<StackParameter> parameters, List<StackOutput> outputs,
                    Map<String, String> tags, List<String> capabilities, List<StackResource> resources) {

    public Optional<String> parameter(String key) {
        return parameters.stream().filter(p -> p.key().equals(key)).map(StackParameter::value).findFirst();
    }

    public Optional<StackResource> resource(String logicalId) {
        return resources.stream().filter(r -> r.logicalId().equals(logicalId)).findFirst();
    }

    public Stack withStatus(String newStatus) {
        return new Stack(name, id, description, newStatus, creationTime, lastUpdatedTime, parameters, outputs, tags,
                capabilities, resources);
    }
}
