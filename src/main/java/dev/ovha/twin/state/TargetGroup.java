package dev.ovha.twin.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An ELBv2 target group and its registered targets. */
public final class TargetGroup {

    private final String arn;
    private final String name;
    private final String protocol;
    private final int port;
    private final String vpcId;
    private final HealthCheck healthCheck;
    private final List<String> loadBalancerArns;
    private final Map<String, String> tags;
    private final Map<String, Target> targets = new LinkedHashMap<>();

    public TargetGroup(String arn, String name, String protocol, int port, String vpcId, HealthCheck healthCheck,
                       List<String> loadBalancerArns, Map<String, String> tags) {
        this.arn = arn;
        this.name = name;
        this.protocol = protocol;
        this.port = port;
        this.vpcId = vpcId;
        this.healthCheck = healthCheck;
        this.loadBalancerArns = List.copyOf(loadBalancerArns);
        this.tags = Map.copyOf(tags);
    }

    public String arn() {
        return arn;
    }

    public String name() {
        return name;
    }

    public String protocol() {
        return protocol;
    }

    public int port() {
        return port;
    }

    public String vpcId() {
        return vpcId;
    }

    public HealthCheck healthCheck() {
        return healthCheck;
    }

    public List<String> loadBalancerArns() {
        return loadBalancerArns;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public List<Target> targets() {
        return List.copyOf(targets.values());
    }

    public Optional<Target> target(String id) {
        return Optional.ofNullable(targets.get(id));
    }

    Map<String, Target> targetMap() {
        return Collections.unmodifiableMap(targets);
    }

    void add(Target target) {
        targets.put(target.id(), target);
    }

    void remove(String id) {
        targets.remove(id);
    }
}
