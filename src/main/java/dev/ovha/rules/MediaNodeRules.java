package dev.ovha.rules;

import dev.ovha.driver.MediaInstance;
import dev.ovha.driver.Stack;
import dev.ovha.openvidu.HttpAnswer;
import dev.ovha.openvidu.RegisteredMediaNode;
import dev.ovha.probe.MediaViewSample;
import java.util.Map;
import java.util.SortedSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The vendor's "check OpenVidu has registered all media nodes", and the HA rule that only AWS adds or removes them. */
public final class MediaNodeRules {
    private MediaNodeRules() {
    }

    /** Every in-service media instance is registered, running and connected, and nothing else is registered. */
    public static List<String> registeredAsRunning(List<MediaInstance> instances, List<RegisteredMediaNode> nodes,
                                                   Stack stack) {
        List<String> defects = new ArrayList<>();
        String events = "the masters learn of media instances from the " + stack.lifecycleRuleName().orElse("lifecycle")
                + " rule through the " + stack.queueUrl().map(MediaNodeRules::queueName).orElse("SQS") + " queue;"
                + " check that the rule is enabled and targets the queue";
        for (MediaInstance instance : instances) {
            Optional<RegisteredMediaNode> node = nodes.stream()
                    .filter(n -> n.environmentId().equals(instance.instanceId())).findFirst();
            if (node.isEmpty()) {
                defects.add("In-service media instance " + instance.instanceId() + " (" + instance.privateIp()
                        + ") is not registered with OpenVidu: " + events + ".");
                continue;
            }
            RegisteredMediaNode n = node.get();
            if (!n.ip().equals(instance.privateIp())) {
                defects.add(n.id() + " is registered with ip " + n.ip() + " but instance " + instance.instanceId()
                        + " has private IP " + instance.privateIp() + ": the masters connect to the wrong address.");
            }
            if (!n.connected()) {
                defects.add(n.id() + " (" + n.ip() + ") is registered but disconnected (connected=false): the masters"
                        + " lost their connection to it. Check the instance and its security group (ports 3000,"
                        + " 4000 and 8888 from the masters' security group), or terminate it so the group replaces it.");
            }
            if (!n.status().equals("running")) {
                defects.add(n.id() + " is " + n.status() + ", expected running.");
            }
        }
        Set<String> inService = instances.stream().map(MediaInstance::instanceId).collect(Collectors.toSet());
        List<RegisteredMediaNode> strangers = nodes.stream().filter(n -> !inService.contains(n.environmentId())).toList();
        if (!strangers.isEmpty()) {
            defects.add("OpenVidu has registered media nodes that are not in-service instances of "
                    + stack.mediaGroupName() + ": " + strangers.stream().map(n -> n.id() + " (" + n.status() + ")")
                    .collect(Collectors.joining(", ")) + "; " + events + ".");
        }
        return defects;
    }

    /** Every answer through the balancer, and so every master, lists the same media nodes in the same state. */
    public static List<String> sameViewFromEveryMaster(MediaViewSample sample) {
        Map<SortedSet<String>, Integer> views = sample.views();
        if (views.size() <= 1) {
            return List.of();
        }
        return List.of("Requests through the domain got " + views.size() + " different lists of media nodes in "
                + sample.answers().size() + " requests (" + sample.bound().explained() + "): " + views.entrySet().stream()
                .map(e -> e.getValue() + "× " + e.getKey()).collect(Collectors.joining("; "))
                + ". The masters do not share one view of the media nodes (the replication-manager keeps it in Redis):"
                + " a master with a stale view places sessions on nodes that are gone, or ignores new ones. Look for"
                + " Redis errors in the masters' replication-manager logs, and restart the master whose view differs.");
    }

    /** Every media-node mutation is refused with 405, as OpenVidu Enterprise HA on AWS documents. */
    public static List<String> mutationsRefused(List<HttpAnswer> answers) {
        List<HttpAnswer> accepted = answers.stream().filter(a -> a.status() != 405).toList();
        if (accepted.isEmpty()) {
            return List.of();
        }
        return List.of("Expected 405 ('For OpenVidu Enterprise HA clusters this method is not allowed') for every"
                + " media-node change, but " + accepted.stream().map(HttpAnswer::summary)
                .collect(Collectors.joining("; ")) + ". On AWS HA only the media Auto Scaling group adds and"
                + " removes media nodes; a cluster that handles these requests is not running as an HA cluster.");
    }

    private static String queueName(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
