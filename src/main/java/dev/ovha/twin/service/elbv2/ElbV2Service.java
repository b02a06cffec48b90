package dev.ovha.twin.service.elbv2;

import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.AwsInput;
import dev.ovha.twin.protocol.FormInput;
import dev.ovha.twin.protocol.Page;
import dev.ovha.twin.protocol.ProtocolCodec;
import dev.ovha.twin.protocol.QueryCodec;
import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.service.FormService;
import dev.ovha.twin.state.Listener;
import dev.ovha.twin.state.LoadBalancer;
import dev.ovha.twin.state.Target;
import dev.ovha.twin.state.TargetGroup;
import dev.ovha.twin.state.World;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Elastic Load Balancing v2: load balancers, target groups, target health and listeners. */
public final class ElbV2Service extends FormService {

    private static final ProtocolCodec CODEC = new QueryCodec("http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/");

    private final int pageSize;

    public ElbV2Service(int pageSize) {
        super("elasticloadbalancing", "2015-12-01", "Elastic Load Balancing v2", CODEC, FormInput.ListStyle.QUERY);
        this.pageSize = pageSize;
        operation("DescribeLoadBalancers", this::describeLoadBalancers);
        operation("DescribeTargetGroups", this::describeTargetGroups);
        operation("DescribeTargetHealth", this::describeTargetHealth);
        operation("DescribeListeners", this::describeListeners);
    }

    private Struct describeLoadBalancers(AwsInput in, World world) {
        List<String> arns = in.strings("LoadBalancerArns");
        List<String> names = in.strings("Names");
        List<LoadBalancer> all = world.elb().loadBalancers();
        List<LoadBalancer> selected = select(all, arns, LoadBalancer::arn, names, LoadBalancer::name,
                () -> AwsError.badRequest("LoadBalancerNotFound", "One or more load balancers not found"));
        Page<LoadBalancer> page = Page.of(selected, in.string("Marker"), pageSize(in), pageSize, ElbV2Service::badMarker);
        return Struct.of()
                .put("LoadBalancers", page.items().stream().map(ElbShapes::loadBalancer).toList())
                .put("NextMarker", page.nextToken());
    }

    private Struct describeTargetGroups(AwsInput in, World world) {
        List<String> arns = in.strings("TargetGroupArns");
        List<String> names = in.strings("Names");
        Optional<String> lbArn = in.string("LoadBalancerArn");
        List<TargetGroup> all = world.elb().targetGroups();
        if (lbArn.isPresent()) {
            if (world.elb().loadBalancers().stream().noneMatch(lb -> lb.arn().equals(lbArn.get()))) {
                throw AwsError.badRequest("LoadBalancerNotFound", "One or more load balancers not found");
            }
            all = all.stream().filter(tg -> tg.loadBalancerArns().contains(lbArn.get())).toList();
        }
        List<TargetGroup> selected = select(all, arns, TargetGroup::arn, names, TargetGroup::name,
                () -> AwsError.badRequest("TargetGroupNotFound", "One or more target groups not found"));
        Page<TargetGroup> page = Page.of(selected, in.string("Marker"), pageSize(in), pageSize, ElbV2Service::badMarker);
        return Struct.of()
                .put("TargetGroups", page.items().stream().map(ElbShapes::targetGroup).toList())
                .put("NextMarker", page.nextToken());
    }

    private Struct describeTargetHealth(AwsInput in, World world) {
        String arn = in.required("TargetGroupArn");
        TargetGroup group = world.elb().targetGroup(arn).orElseThrow(() ->
                AwsError.badRequest("TargetGroupNotFound", "One or more target groups not found"));
        List<AwsInput> asked = in.structs("Targets");
        List<Struct> descriptions = new ArrayList<>();
        if (asked.isEmpty()) {
            group.targets().forEach(t -> descriptions.add(ElbShapes.targetHealth(t, group)));
        } else {
            for (AwsInput target : asked) {
                String id = target.required("Id");
                int port = target.integer("Port").orElse(group.port());
                Optional<Target> registered = group.target(id);
                if (registered.isPresent()) {
                    descriptions.add(ElbShapes.targetHealth(registered.get(), group));
                } else if (world.ec2().instance(id).isEmpty()) {
                    throw AwsError.badRequest("InvalidTarget",
                            "The following targets are not valid instances: '" + id + "'");
                } else {
                    descriptions.add(ElbShapes.unregistered(id, port, group));
                }
            }
        }
        return Struct.of().put("TargetHealthDescriptions", descriptions);
    }

    private Struct describeListeners(AwsInput in, World world) {
        Optional<String> lbArn = in.string("LoadBalancerArn");
        List<String> arns = in.strings("ListenerArns");
        if (lbArn.isEmpty() && arns.isEmpty()) {
            throw AwsError.validation("You must specify either listener ARNs or a load balancer ARN");
        }
        List<Listener> all = world.elb().listeners();
        if (lbArn.isPresent()) {
            if (world.elb().loadBalancers().stream().noneMatch(lb -> lb.arn().equals(lbArn.get()))) {
                throw AwsError.badRequest("LoadBalancerNotFound", "One or more load balancers not found");
            }
            all = all.stream().filter(l -> l.loadBalancerArn().equals(lbArn.get())).toList();
        }
        List<Listener> selected = select(all, arns, Listener::arn, List.of(), Listener::arn,
                () -> AwsError.badRequest("ListenerNotFound", "One or more listeners not found"));
        Page<Listener> page = Page.of(selected, in.string("Marker"), pageSize(in), pageSize, ElbV2Service::badMarker);
        return Struct.of()
                .put("Listeners", page.items().stream().map(ElbShapes::listener).toList())
                .put("NextMarker", page.nextToken());
    }

    /** Selects by ARNs or names; any unknown one fails the whole call, as in ELBv2. */
    private static <T> List<T> select(List<T> all, List<String> arns, Function<T, String> arnOf, List<String> names,
                                      Function<T, String> nameOf, java.util.function.Supplier<AwsError> notFound) {
        if (!arns.isEmpty() && !names.isEmpty()) {
            throw AwsError.validation("Names and ARNs cannot be specified at the same time");
        }
        List<String> wanted = arns.isEmpty() ? names : arns;
        Function<T, String> key = arns.isEmpty() ? nameOf : arnOf;
        if (wanted.isEmpty()) {
            return all;
        }
        List<T> selected = new ArrayList<>();
        for (String w : wanted) {
            selected.add(all.stream().filter(t -> key.apply(t).equals(w)).findFirst().orElseThrow(notFound));
        }
        return selected;
    }

    private static Optional<Integer> pageSize(AwsInput in) {
        Optional<Integer> size = in.integer("PageSize");
        size.filter(s -> s < 1 || s > 400).ifPresent(s -> {
            throw AwsError.validation("1 validation error detected: Value '" + s
                    + "' at 'pageSize' failed to satisfy constraint: Member must have value less than or equal to 400");
        });
        return size;
    }

    private static AwsError badMarker(String marker) {
        return AwsError.validation("The marker '" + marker + "' is not valid");
    }
}
