package dev.ovha.driver;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A deployed OpenVidu Enterprise HA stack as CloudFormation describes it, and the parts of it the checks
 * need, found by the template's logical resource ids ({@code openvidu-ha.md} §3.2).
 *
 * @param name         stack name
 * @param id           stack ARN
 * @param status       e.g. {@code CREATE_COMPLETE}
 * @param statusReason why it is in that status, when CloudFormation says
 * @param parameters   parameter values (NoEcho ones read {@code ****})
 * @param outputs      output values
 * @param resources    resources by logical id
 */
public record Stack(String name, String id, String status, Optional<String> statusReason,
                    SortedMap<String, String> parameters, SortedMap<String, String> outputs,
                    SortedMap<String, StackResource> resources) {
    /** What CloudFormation shows for a NoEcho parameter. */
    public static final String MASKED = "****";

    public Stack {
        parameters = new TreeMap<>(parameters);
        outputs = new TreeMap<>(outputs);
        resources = new TreeMap<>(resources);
    }

    /**
     * A resource of the stack.
     *
     * @param logicalId  the template's name for it
     * @param physicalId its AWS name, ARN or URL
     * @param type       e.g. {@code AWS::AutoScaling::AutoScalingGroup}
     * @param status     e.g. {@code CREATE_COMPLETE}
     */
    public record StackResource(String logicalId, String physicalId, String type, String status) {
    }

    public Optional<String> parameter(String key) {
        return Optional.ofNullable(parameters.get(key));
    }

    public Optional<String> output(String key) {
        return Optional.ofNullable(outputs.get(key));
    }

    public Optional<String> physicalId(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId)).map(StackResource::physicalId);
    }

    /** Whether the stack is in a status the vendor's template ends in when all went well. */
    public boolean isDeployed() {
        return status.equals("CREATE_COMPLETE") || status.equals("UPDATE_COMPLETE");
    }

    public String domainName() {
        return parameter("DomainName").orElse("");
    }

    public String masterGroupName() {
        return required("OpenViduProMasterNodeAutoScalingGroup");
    }

    public String mediaGroupName() {
        return required("MediaNodeAutoScalingGroup");
    }

    public String targetGroupArn() {
        return required("TargetGroup");
    }

    public String loadBalancerArn() {
        return required("LoadBalancer");
    }

    /** The configuration bucket: the one given as a parameter, else the one the stack created. */
    public Optional<String> bucketName() {
        return parameter("OpenViduS3BucketName").filter(b -> !b.isBlank()).or(() -> physicalId("S3OpenViduBucket"));
    }

    public Optional<String> queueUrl() {
        return physicalId("SQSQueue");
    }

    public Optional<String> lifecycleRuleName() {
        return physicalId("LifeCycleMediaNodesRule");
    }

    public Optional<String> scheduleRuleName() {
        return physicalId("AutoscalingScheduleRule");
    }

    /** The subnets of the OpenViduSubnets parameter (a comma-separated list). */
    public List<String> subnetIds() {
        return parameter("OpenViduSubnets").map(v -> Arrays.stream(v.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    private String required(String logicalId) {
        return physicalId(logicalId).orElseThrow(() -> new AssertionError("Stack " + name + " has no " + logicalId
                + " resource: it was not deployed with the OpenVidu Enterprise HA template (or the resource was"
                + " deleted). Resources found: " + String.join(", ", resources.keySet())));
    }
}
