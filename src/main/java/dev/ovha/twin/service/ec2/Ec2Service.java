package dev.ovha.twin.service.ec2;

import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.AwsInput;
import dev.ovha.twin.protocol.Ec2Codec;
import dev.ovha.twin.protocol.FormInput;
import dev.ovha.twin.protocol.Page;
import dev.ovha.twin.protocol.ProtocolCodec;
import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.service.FormService;
import dev.ovha.twin.state.Instance;
import dev.ovha.twin.state.InstanceState;
import dev.ovha.twin.state.Subnet;
import dev.ovha.twin.state.World;
import dev.ovha.twin.state.Zone;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** EC2: instances, subnets and zones; terminate, stop and start. */
public final class Ec2Service extends FormService {

    private static final String XMLNS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final ProtocolCodec CODEC = new Ec2Codec(XMLNS);

    private final int pageSize;

    public Ec2Service(int pageSize) {
        super("ec2", "2016-11-15", "EC2", CODEC, FormInput.ListStyle.EC2);
        this.pageSize = pageSize;
        operation("DescribeInstances", this::describeInstances);
        operation("TerminateInstances", (in, w) -> changeStates(in, w, Change.TERMINATE));
        operation("StopInstances", (in, w) -> changeStates(in, w, Change.STOP));
        operation("StartInstances", (in, w) -> changeStates(in, w, Change.START));
        operation("DescribeSubnets", this::describeSubnets);
        operation("DescribeAvailabilityZones", this::describeAvailabilityZones);
    }

    private Struct describeInstances(AwsInput in, World world) {
        List<String> ids = in.strings("InstanceId");
        Optional<Integer> maxResults = in.integer("MaxResults");
        if (!ids.isEmpty() && maxResults.isPresent()) {
            throw AwsError.badRequest("InvalidParameterCombination",
                    "The parameter instancesSet cannot be used with the parameter maxResults");
        }
        maxResults.filter(m -> m < 5 || m > 1000).ifPresent(m -> {
            throw AwsError.badRequest("InvalidParameterValue",
                    "Value ( " + m + " ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.");
        });
        List<Instance> candidates = ids.isEmpty() ? world.ec2().instances() : byIds(world, ids);
        Predicate<Instance> filter = instanceFilters().parse(in.structs("Filter"));
        List<Instance> matching = candidates.stream().filter(filter).toList();
        // EC2 answers a request naming instance ids at once (MaxResults cannot go with them): only listings page.
        int size = ids.isEmpty() ? pageSize : Math.max(1, matching.size());
        Page<Instance> page = Page.of(matching, in.string("NextToken"), maxResults, size, Ec2Service::badToken);
        List<Struct> reservations = new ArrayList<>();
        for (Instance instance : page.items()) {
            reservations.add(Struct.of()
                    .put("reservationId", instance.reservationId())
                    .put("ownerId", world.sim().account().id())
                    .put("requesterId", "940372691376")
                    .put("groupSet", List.of())
                    .put("instancesSet", List.of(Ec2Shapes.instance(instance))));
        }
        return Struct.of().put("reservationSet", reservations).put("nextToken", page.nextToken());
    }

    private enum Change { TERMINATE, STOP, START }

    private Struct changeStates(AwsInput in, World world, Change change) {
        List<String> ids = in.strings("InstanceId");
        if (ids.isEmpty()) {
            throw AwsError.badRequest("MissingParameter", "The request must contain the parameter InstanceId");
        }
        List<Instance> instances = byIds(world, ids);
        for (Instance instance : instances) {
            checkTransition(instance, change);
        }
        List<Struct> items = new ArrayList<>();
        for (Instance instance : instances) {
            InstanceState previous = switch (change) {
                case TERMINATE -> world.ec2().terminate(instance, "User initiated");
                case STOP -> world.ec2().stop(instance);
                case START -> world.ec2().start(instance);
            };
            items.add(Struct.of()
                    .put("instanceId", instance.id())
                    .put("currentState", Ec2Shapes.state(instance.state()))
                    .put("previousState", Ec2Shapes.state(previous)));
        }
        return Struct.of().put("instancesSet", items);
    }

    private static void checkTransition(Instance instance, Change change) {
        InstanceState state = instance.state();
        boolean gone = state == InstanceState.TERMINATED || state == InstanceState.SHUTTING_DOWN;
        if (change == Change.STOP && gone) {
            throw AwsError.badRequest("IncorrectInstanceState",
                    "This instance '" + instance.id() + "' is not in a state from which it can be stopped.");
        }
        if (change == Change.START && (gone || state == InstanceState.STOPPING)) {
            throw AwsError.badRequest("IncorrectInstanceState",
                    "The instance '" + instance.id() + "' is not in a state from which it can be started.");
        }
    }

    private Struct describeSubnets(AwsInput in, World world) {
        List<String> ids = in.strings("SubnetId");
        List<Subnet> candidates = new ArrayList<>();
        for (String id : ids) {
            candidates.add(world.ec2().subnet(id).orElseThrow(() -> AwsError.badRequest("InvalidSubnetID.NotFound",
                    "The subnet ID '" + id + "' does not exist")));
        }
        if (ids.isEmpty()) {
            candidates.addAll(world.ec2().subnets());
        }
        Predicate<Subnet> filter = subnetFilters().parse(in.structs("Filter"));
        List<Subnet> matching = candidates.stream().filter(filter).toList();
        Page<Subnet> page = Page.of(matching, in.string("NextToken"), in.integer("MaxResults"), pageSize, Ec2Service::badToken);
        String owner = world.sim().account().id();
        return Struct.of()
                .put("subnetSet", page.items().stream().map(s -> Ec2Shapes.subnet(s, owner)).toList())
                .put("nextToken", page.nextToken());
    }

    private Struct describeAvailabilityZones(AwsInput in, World world) {
        List<String> names = in.strings("ZoneName");
        List<String> zoneIds = in.strings("ZoneId");
        Predicate<Zone> filter = zoneFilters().parse(in.structs("Filter"));
        List<Zone> zones = world.ec2().zones().stream()
                .filter(z -> names.isEmpty() || names.contains(z.name()))
                .filter(z -> zoneIds.isEmpty() || zoneIds.contains(z.zoneId()))
                .filter(filter)
                .toList();
        for (String name : names) {
            if (zones.stream().noneMatch(z -> z.name().equals(name))) {
                throw AwsError.badRequest("InvalidParameterValue", "The zone '" + name + "' does not exist.");
            }
        }
        return Struct.of().put("availabilityZoneInfo", zones.stream().map(Ec2Shapes::zone).toList());
    }

    private static List<Instance> byIds(World world, List<String> ids) {
        List<Instance> found = new ArrayList<>();
        for (String id : ids) {
            if (!id.matches("i-[0-9a-f]{8}([0-9a-f]{9})?")) {
                throw AwsError.badRequest("InvalidInstanceID.Malformed", "Invalid id: \"" + id + "\"");
            }
            found.add(world.ec2().instance(id).orElseThrow(() -> AwsError.badRequest("InvalidInstanceID.NotFound",
                    "The instance ID '" + id + "' does not exist")));
        }
        return found;
    }

    private static AwsError badToken(String token) {
        return AwsError.badRequest("InvalidParameterValue", "The token '" + token + "' is invalid.");
    }

    private static Ec2Filters<Instance> instanceFilters() {
        Map<String, Function<Instance, Collection<String>>> known = new LinkedHashMap<>();
        known.put("instance-id", i -> List.of(i.id()));
        known.put("instance-state-name", i -> List.of(i.state().apiName()));
        known.put("instance-state-code", i -> List.of(String.valueOf(i.state().code())));
        known.put("availability-zone", i -> List.of(i.availabilityZone()));
        known.put("placement.availability-zone", i -> List.of(i.availabilityZone()));
        known.put("private-ip-address", i -> List.of(i.privateIp()));
        known.put("private-dns-name", i -> List.of(i.privateDnsName()));
        known.put("subnet-id", i -> List.of(i.subnet().id()));
        known.put("vpc-id", i -> List.of(i.subnet().vpcId()));
        known.put("instance-type", i -> List.of(i.instanceType()));
        known.put("image-id", i -> List.of(i.imageId()));
        known.put("reservation-id", i -> List.of(i.reservationId()));
        known.put("instance.group-id", i -> List.of(i.securityGroupId()));
        return new Ec2Filters<>(known, Instance::tags);
    }

    private static Ec2Filters<Subnet> subnetFilters() {
        Map<String, Function<Subnet, Collection<String>>> known = new LinkedHashMap<>();
        known.put("subnet-id", s -> List.of(s.id()));
        known.put("vpc-id", s -> List.of(s.vpcId()));
        known.put("availability-zone", s -> List.of(s.zone().name()));
        known.put("availability-zone-id", s -> List.of(s.zone().zoneId()));
        known.put("cidr-block", s -> List.of(s.cidrBlock()));
        known.put("state", s -> List.of("available"));
        return new Ec2Filters<>(known, Subnet::tags);
    }

    private static Ec2Filters<Zone> zoneFilters() {
        Map<String, Function<Zone, Collection<String>>> known = new LinkedHashMap<>();
        known.put("zone-name", z -> List.of(z.name()));
        known.put("zone-id", z -> List.of(z.zoneId()));
        known.put("region-name", z -> List.of(z.region()));
        known.put("state", z -> List.of("available"));
        known.put("zone-type", z -> List.of("availability-zone"));
        known.put("opt-in-status", z -> List.of("opt-in-not-required"));
        return new Ec2Filters<>(known, z -> Map.of());
    }
}
