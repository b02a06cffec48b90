package dev.ovha.twin.control;

import dev.ovha.twin.state.AutoScalingGroup;
import dev.ovha.twin.state.Instance;
import dev.ovha.twin.state.S3Bucket;
import dev.ovha.twin.state.S3State;
import dev.ovha.twin.state.Stack;
import dev.ovha.twin.state.TargetGroup;
import dev.ovha.twin.state.World;
import dev.ovha.twin.state.cloudwatch.MetricAlarm;
import dev.ovha.twin.state.events.EventRule;
import dev.ovha.twin.state.events.RuleTarget;
import dev.ovha.twin.state.fis.Experiment;
import dev.ovha.twin.state.sqs.SqsQueue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plain-data snapshot of the world for the control API's {@code GET /state}: what a person (or a
 * cleanup check) compares before and after a run. Call it under the world's lock.
 */
public final class StateDump {

    private StateDump() {
    }

    public static Map<String, Object> of(World world) {
        Map<String, Object> dump = new LinkedHashMap<>();
        dump.put("virtualTime", world.sim().now().toString());
        dump.put("faults", world.sim().faults().snapshot().stream().map(f -> f.id()).sorted().toList());
        dump.put("stacks", world.cloudFormation().stacks().stream().map(StateDump::stack).toList());
        dump.put("autoScalingGroups", world.autoScaling().groups().stream().map(StateDump::group).toList());
        dump.put("targetGroups", world.elb().targetGroups().stream().map(StateDump::targetGroup).toList());
        dump.put("instances", world.ec2().instances().stream().map(StateDump::instance).toList());
        dump.put("buckets", world.s3().buckets().stream().map(b -> bucket(world.s3(), b)).toList());
        dump.put("queues", world.sqs().queues().stream().map(q -> queue(world, q)).toList());
        dump.put("rules", world.events().rules().stream().map(StateDump::rule).toList());
        dump.put("alarms", world.cloudWatch().alarms().stream().map(StateDump::alarm).toList());
        dump.put("cutSubnets", world.network().cutSubnets());
        dump.put("experimentTemplates", world.fis().templates().stream().map(t -> t.id()).sorted().toList());
        dump.put("experiments", world.fis().experiments(Optional.empty()).stream().map(StateDump::experiment).toList());
        return dump;
    }

    private static Map<String, Object> queue(World world, SqsQueue q) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", q.name());
        map.put("url", q.url());
        map.put("visibleMessages", world.sqs().visibleCount(q.name()));
        map.put("inFlightMessages", world.sqs().inFlightCount(q.name()));
        return map;
    }

    private static Map<String, Object> rule(EventRule r) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", r.name());
        map.put("state", r.state());
        r.scheduleExpression().ifPresent(e -> map.put("scheduleExpression", e));
        map.put("targets", r.targets().stream().map(RuleTarget::id).toList());
        return map;
    }

    private static Map<String, Object> alarm(MetricAlarm a) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", a.name());
        map.put("state", a.stateValue());
        map.put("threshold", a.threshold());
        return map;
    }

    private static Map<String, Object> experiment(Experiment e) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", e.id());
        map.put("templateId", e.templateId());
        map.put("status", e.status().apiName());
        map.put("reason", e.reason());
        Map<String, Object> actions = new LinkedHashMap<>();
        e.actions().forEach((name, run) -> actions.put(name, run.status().apiName()));
        map.put("actions", actions);
        return map;
    }

    private static Map<String, Object> stack(Stack s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", s.name());
        map.put("status", s.status());
        map.put("resources", s.resources().size());
        return map;
    }

    private static Map<String, Object> group(AutoScalingGroup g) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", g.name());
        map.put("minSize", g.minSize());
        map.put("maxSize", g.maxSize());
        map.put("desiredCapacity", g.desiredCapacity());
        map.put("suspendedProcesses", List.copyOf(g.suspendedProcesses()));
        map.put("instances", g.instances().stream().map(i -> Map.of(
                "instanceId", i.instanceId(),
                "availabilityZone", i.availabilityZone(),
                "lifecycleState", i.lifecycleState().apiName(),
                "healthStatus", i.healthStatus())).toList());
        return map;
    }

    private static Map<String, Object> targetGroup(TargetGroup tg) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", tg.name());
        map.put("targets", tg.targets().stream().map(t -> {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("id", t.id());
            target.put("state", t.state().apiName());
            target.put("reason", t.reason());
            return target;
        }).toList());
        return map;
    }

    private static Map<String, Object> bucket(S3State s3, S3Bucket b) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", b.name());
        map.put("region", b.region());
        map.put("objects", s3.objects(b.name()).stream().map(o -> {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("key", o.key());
            object.put("size", o.size());
            object.put("etag", o.etag());
            return object;
        }).toList());
        return map;
    }

    private static Map<String, Object> instance(Instance i) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("instanceId", i.id());
        map.put("state", i.state().apiName());
        map.put("availabilityZone", i.availabilityZone());
        map.put("privateIp", i.privateIp());
        map.put("group", i.tags().getOrDefault("aws:autoscaling:groupName", ""));
        return map;
    }
}
