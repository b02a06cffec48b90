package dev.ovha.twin.state.fis;

import dev.ovha.twin.sim.SeededIds;
import dev.ovha.twin.state.Ec2State;
import dev.ovha.twin.state.Instance;
import dev.ovha.twin.state.Subnet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a template's target into concrete resources when an experiment starts: the instances or
 * subnets named by ARN (unknown ARNs are simply not found) or carrying every one of the given tags,
 * then those whose attributes pass every filter, then the selection mode's share of them.
 *
 * <p>Filter paths are attribute paths of the DescribeInstances / DescribeSubnets output; a list
 * attribute is flattened, so {@code Tags.Key} matches a resource that has any of the given tag keys.
 * Values compare exactly; values of one filter are alternatives, filters must all hold.
 */
final class TargetResolver {

    static final String INSTANCE = "aws:ec2:instance";
    static final String SUBNET = "aws:ec2:subnet";

    static final Map<String, Function<Instance, Collection<String>>> INSTANCE_PATHS = new LinkedHashMap<>();
    static final Map<String, Function<Subnet, Collection<String>>> SUBNET_PATHS = new LinkedHashMap<>();

    static {
        INSTANCE_PATHS.put("InstanceId", i -> List.of(i.id()));
        INSTANCE_PATHS.put("State.Name", i -> List.of(i.state().apiName()));
        INSTANCE_PATHS.put("Placement.AvailabilityZone", i -> List.of(i.availabilityZone()));
        INSTANCE_PATHS.put("SubnetId", i -> List.of(i.subnet().id()));
        INSTANCE_PATHS.put("VpcId", i -> List.of(i.subnet().vpcId()));
        INSTANCE_PATHS.put("InstanceType", i -> List.of(i.instanceType()));
        INSTANCE_PATHS.put("ImageId", i -> List.of(i.imageId()));
        INSTANCE_PATHS.put("PrivateIpAddress", i -> List.of(i.privateIp()));
        INSTANCE_PATHS.put("Tags.Key", i -> i.tags().keySet());
        INSTANCE_PATHS.put("Tags.Value", i -> i.tags().values());
        SUBNET_PATHS.put("SubnetId", s -> List.of(s.id()));
        SUBNET_PATHS.put("AvailabilityZone", s -> List.of(s.zone().name()));
        SUBNET_PATHS.put("AvailabilityZoneId", s -> List.of(s.zone().zoneId()));
        SUBNET_PATHS.put("VpcId", s -> List.of(s.vpcId()));
        SUBNET_PATHS.put("CidrBlock", s -> List.of(s.cidrBlock()));
        SUBNET_PATHS.put("Tags.Key", s -> s.tags().keySet());
        SUBNET_PATHS.put("Tags.Value", s -> s.tags().values());
    }

    private final Ec2State ec2;
    private final String region;
    private final String accountId;
    private final SeededIds random;

    TargetResolver(Ec2State ec2, String region, String accountId, SeededIds random) {
        this.ec2 = ec2;
        this.region = region;
        this.accountId = accountId;
        this.random = random;
    }

    /** The resource types the twin resolves, and the filter paths each one knows. */
    static Optional<Set<String>> filterPaths(String resourceType) {
        return switch (resourceType) {
            case INSTANCE -> Optional.of(INSTANCE_PATHS.keySet());
            case SUBNET -> Optional.of(SUBNET_PATHS.keySet());
            default -> Optional.empty();
        };
    }

    List<ResolvedTarget> resolve(String name, TargetSpec spec) {
        SelectionMode mode = SelectionMode.parse(name, spec.selectionMode());
        if (spec.resourceType().equals(SUBNET)) {
            List<Subnet> matching = matching(spec, ec2.subnets(), "subnet/", id -> ec2.subnet(id),
                    Subnet::tags, SUBNET_PATHS);
            return mode.select(matching, random).stream()
                    .map(s -> new ResolvedTarget(name, SUBNET, s.id(), s.arn())).toList();
        }
        List<Instance> matching = matching(spec, ec2.instances(), "instance/", id -> ec2.instance(id),
                Instance::tags, INSTANCE_PATHS);
        return mode.select(matching, random).stream()
                .map(i -> new ResolvedTarget(name, INSTANCE, i.id(), instanceArn(i.id()))).toList();
    }

    private String instanceArn(String id) {
        return "arn:aws:ec2:" + region + ":" + accountId + ":instance/" + id;
    }

    private static <T> List<T> matching(TargetSpec spec, List<T> all, String arnMarker,
                                        Function<String, Optional<T>> byId, Function<T, Map<String, String>> tags,
                                        Map<String, Function<T, Collection<String>>> paths) {
        List<T> candidates = new ArrayList<>();
        if (!spec.resourceArns().isEmpty()) {
            for (String arn : spec.resourceArns()) {
                int at = arn.indexOf(arnMarker);
                if (at >= 0) {
                    byId.apply(arn.substring(at + arnMarker.length())).filter(r -> !candidates.contains(r))
                            .ifPresent(candidates::add);
                }
            }
        } else {
            all.stream().filter(r -> tags.apply(r).entrySet().containsAll(spec.resourceTags().entrySet()))
                    .forEach(candidates::add);
        }
        return candidates.stream().filter(r -> spec.filters().stream().allMatch(f ->
                paths.get(f.path()).apply(r).stream().anyMatch(f.values()::contains))).toList();
    }
}
