package dev.ovha.twin.service.autoscaling;

import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.AwsInput;
import dev.ovha.twin.protocol.FormInput;
import dev.ovha.twin.protocol.Page;
import dev.ovha.twin.protocol.ProtocolCodec;
import dev.ovha.twin.protocol.QueryCodec;
import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.service.FormService;
import dev.ovha.twin.service.Glob;
import dev.ovha.twin.state.AutoScalingGroup;
import dev.ovha.twin.state.GroupInstance;
import dev.ovha.twin.state.GroupTag;
import dev.ovha.twin.state.ScalingActivity;
import dev.ovha.twin.state.Subnet;
import dev.ovha.twin.state.World;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Auto Scaling: groups, capacity changes, terminations, activities, policies and lifecycle hooks. */
public final class AutoScalingService extends FormService {

    private static final ProtocolCodec CODEC = new QueryCodec("http://autoscaling.amazonaws.com/doc/2011-01-01/");
    private static final Set<String> HEALTH_CHECK_TYPES = Set.of("EC2", "ELB", "VPC_LATTICE", "EBS");

    private final int pageSize;

    public AutoScalingService(int pageSize) {
        super("autoscaling", "2011-01-01", "Auto Scaling", CODEC, FormInput.ListStyle.QUERY);
        this.pageSize = pageSize;
        operation("DescribeAutoScalingGroups", this::describeGroups);
        operation("SetDesiredCapacity", this::setDesiredCapacity);
        operation("UpdateAutoScalingGroup", this::updateGroup);
        operation("TerminateInstanceInAutoScalingGroup", this::terminateInstance);
        operation("DescribeScalingActivities", this::describeActivities);
        operation("DescribePolicies", this::describePolicies);
        operation("DescribeLifecycleHooks", this::describeHooks);
    }

    private Struct describeGroups(AwsInput in, World world) {
        List<String> names = in.strings("AutoScalingGroupNames");
        Predicate<AutoScalingGroup> filter = groupFilter(in.structs("Filters"));
        List<AutoScalingGroup> matching = world.autoScaling().groups().stream()
                .filter(g -> names.isEmpty() || names.contains(g.name()))
                .filter(filter)
                .toList();
        Page<AutoScalingGroup> page = Page.of(matching, in.string("NextToken"), maxRecords(in), pageSize, AutoScalingService::badToken);
        return Struct.of()
                .put("AutoScalingGroups", page.items().stream().map(AutoScalingShapes::group).toList())
                .put("NextToken", page.nextToken());
    }

    /** {@code tag-key}, {@code tag-value} and {@code tag:<key>}; unknown names match nothing, as in AWS. */
    private static Predicate<AutoScalingGroup> groupFilter(List<AwsInput> filters) {
        Predicate<AutoScalingGroup> all = g -> true;
        for (AwsInput filter : filters) {
            String name = filter.string("Name").orElse("");
            List<String> values = filter.strings("Values");
            Predicate<GroupTag> tagMatch;
            if (name.startsWith("tag:")) {
                String key = name.substring(4);
                tagMatch = t -> t.key().equals(key) && values.stream().anyMatch(v -> Glob.matches(v, t.value()));
            } else if (name.equals("tag-key")) {
                tagMatch = t -> values.contains(t.key());
            } else if (name.equals("tag-value")) {
                tagMatch = t -> values.contains(t.value());
            } else {
                return g -> false;
            }
            all = all.and(g -> g.tags().stream().anyMatch(tagMatch));
        }
        return all;
    }

    private Struct setDesiredCapacity(AwsInput in, World world) {
        AutoScalingGroup group = group(world, in.required("AutoScalingGroupName"));
        int desired = in.integer("DesiredCapacity").orElseThrow(() -> AwsError.validation(
                "1 validation error detected: Value null at 'desiredCapacity' failed to satisfy constraint: Member must not be null"));
        if (desired > group.maxSize()) {
            throw AwsError.validation("New SetDesiredCapacity value " + desired + " is above max value " + group.maxSize()
                    + " for the AutoScalingGroup.");
        }
        if (desired < group.minSize()) {
            throw AwsError.validation("New SetDesiredCapacity value " + desired + " is below min value " + group.minSize()
                    + " for the AutoScalingGroup.");
        }
        world.autoScaling().setDesiredCapacity(group, desired);
        return null;
    }

    private Struct updateGroup(AwsInput in, World world) {
        AutoScalingGroup group = group(world, in.required("AutoScalingGroupName"));
        int min = in.integer("MinSize").orElse(group.minSize());
        int max = in.integer("MaxSize").orElse(group.maxSize());
        Optional<Integer> desired = in.integer("DesiredCapacity");
        if (min < 0 || max < 0) {
            throw AwsError.validation("MinSize and MaxSize must not be negative");
        }
        if (min > max) {
            throw AwsError.validation("The parameter MaxSize must be greater than or equal to the parameter MinSize");
        }
        if (desired.isPresent() && (desired.get() < min || desired.get() > max)) {
            throw AwsError.validation("Desired capacity:" + desired.get() + " must be between the specified min size:" + min
                    + " and max size:" + max);
        }
        Optional<String> type = in.string("HealthCheckType");
        if (type.isPresent() && !HEALTH_CHECK_TYPES.contains(type.get())) {
            throw AwsError.validation("Health check type " + type.get() + " is not valid; valid types are " + HEALTH_CHECK_TYPES);
        }
        List<Subnet> subnets = subnets(world, in.string("VPCZoneIdentifier"));
        if (type.isPresent() || in.integer("HealthCheckGracePeriod").isPresent()) {
            world.autoScaling().updateHealthCheck(group, type.orElse(group.healthCheckType()),
                    in.integer("HealthCheckGracePeriod").map(Duration::ofSeconds).orElse(group.healthCheckGracePeriod()));
        }
        in.integer("DefaultCooldown").ifPresent(c -> world.autoScaling().updateCooldown(group, c));
        if (!subnets.isEmpty()) {
            world.autoScaling().updateSubnets(group, subnets);
        }
        world.autoScaling().updateSizes(group, min, max, desired.orElse(null));
        return null;
    }

    private static List<Subnet> subnets(World world, Optional<String> vpcZoneIdentifier) {
        List<Subnet> subnets = new ArrayList<>();
        vpcZoneIdentifier.filter(v -> !v.isBlank()).ifPresent(v -> Arrays.stream(v.split(",")).map(String::trim).forEach(id ->
                subnets.add(world.ec2().subnet(id).orElseThrow(() -> AwsError.validation("The subnet ID '" + id + "' does not exist")))));
        return subnets;
    }

    private Struct terminateInstance(AwsInput in, World world) {
        String instanceId = in.required("InstanceId");
        boolean decrement = in.bool("ShouldDecrementDesiredCapacity").orElseThrow(() -> AwsError.validation(
                "1 validation error detected: Value null at 'shouldDecrementDesiredCapacity' failed to satisfy constraint: Member must not be null"));
        AutoScalingGroup group = world.autoScaling().groupOf(instanceId).orElseThrow(() -> AwsError.validation(
                "Instance Id not found - No managed instance found for instance ID: " + instanceId));
        GroupInstance member = group.instance(instanceId).orElseThrow();
        if (!member.lifecycleState().countsTowardsCapacity()) {
            throw AwsError.badRequest("ScalingActivityInProgress",
                    "Instance " + instanceId + " is already being terminated.");
        }
        if (decrement && group.desiredCapacity() - 1 < group.minSize()) {
            throw AwsError.validation("Currently, desiredSize equals minSize (" + group.minSize()
                    + "). Terminating instance without replacement will violate group's min size constraint. Either set shouldDecrementDesiredCapacity flag to false or lower group's min size.");
        }
        ScalingActivity activity = world.autoScaling().terminateMember(group, member, decrement);
        return Struct.of().put("Activity", AutoScalingShapes.activity(activity));
    }

    private Struct describeActivities(AwsInput in, World world) {
        Optional<String> groupName = in.string("AutoScalingGroupName");
        List<String> activityIds = in.strings("ActivityIds");
        List<AutoScalingGroup> groups = groupName.map(n -> List.of(group(world, n))).orElse(world.autoScaling().groups());
        List<ScalingActivity> activities = groups.stream()
                .flatMap(g -> g.activities().stream())
                .filter(a -> activityIds.isEmpty() || activityIds.contains(a.id()))
                .toList();
        Page<ScalingActivity> page = Page.of(activities, in.string("NextToken"), maxRecords(in), pageSize, AutoScalingService::badToken);
        return Struct.of()
                .put("Activities", page.items().stream().map(AutoScalingShapes::activity).toList())
                .put("NextToken", page.nextToken());
    }

    private Struct describePolicies(AwsInput in, World world) {
        Optional<String> groupName = in.string("AutoScalingGroupName");
        List<String> policyNames = in.strings("PolicyNames");
        List<String> policyTypes = in.strings("PolicyTypes");
        List<AutoScalingGroup> groups = groupName.map(n -> world.autoScaling().group(n).map(List::of).orElse(List.of()))
                .orElse(world.autoScaling().groups());
        var policies = groups.stream().flatMap(g -> g.policies().stream())
                .filter(p -> policyNames.isEmpty() || policyNames.contains(p.name()) || policyNames.contains(p.arn()))
                .filter(p -> policyTypes.isEmpty() || policyTypes.contains(p.policyType()))
                .toList();
        var page = Page.of(policies, in.string("NextToken"), maxRecords(in), pageSize, AutoScalingService::badToken);
        return Struct.of()
                .put("ScalingPolicies", page.items().stream().map(AutoScalingShapes::policy).toList())
                .put("NextToken", page.nextToken());
    }

    private Struct describeHooks(AwsInput in, World world) {
        AutoScalingGroup group = group(world, in.required("AutoScalingGroupName"));
        List<String> names = in.strings("LifecycleHookNames");
        return Struct.of().put("LifecycleHooks", group.hooks().stream()
                .filter(h -> names.isEmpty() || names.contains(h.name()))
                .map(AutoScalingShapes::hook)
                .toList());
    }

    private static AutoScalingGroup group(World world, String name) {
        return world.autoScaling().group(name).orElseThrow(() -> AwsError.validation("AutoScalingGroup name not found - "
                + "AutoScalingGroup " + name + " not found"));
    }

    private static Optional<Integer> maxRecords(AwsInput in) {
        Optional<Integer> max = in.integer("MaxRecords");
        max.filter(m -> m < 1 || m > 100).ifPresent(m -> {
            throw AwsError.validation("1 validation error detected: Value '" + m
                    + "' at 'maxRecords' failed to satisfy constraint: Member must have value less than or equal to 100");
        });
        return max;
    }

    private static AwsError badToken(String token) {
        return AwsError.badRequest("InvalidNextToken", "The token '" + token + "' is invalid.");
    }
}
