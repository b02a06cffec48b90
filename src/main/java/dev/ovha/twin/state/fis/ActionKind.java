package dev.ovha.twin.state.fis;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The FIS actions the twin runs, with the target key and resource type each one acts on and the
 * parameters it accepts (AWS's actions reference). Parameters are checked when the template is
 * created, as FIS does, so that an experiment never fails on a typo halfway through.
 */
public enum ActionKind {
    TERMINATE_INSTANCES("aws:ec2:terminate-instances", "Instances", TargetResolver.INSTANCE, Set.of()),
    STOP_INSTANCES("aws:ec2:stop-instances", "Instances", TargetResolver.INSTANCE,
            Set.of("startInstancesAfterDuration", "completeIfInstancesTerminated")),
    DISRUPT_CONNECTIVITY("aws:network:disrupt-connectivity", "Subnets", TargetResolver.SUBNET,
            Set.of("duration", "scope", "prefixListIdentifier")),
    SEND_COMMAND("aws:ssm:send-command", "Instances", TargetResolver.INSTANCE,
            Set.of("documentArn", "documentParameters", "documentVersion", "duration")),
    WAIT("aws:fis:wait", null, null, Set.of("duration"));

    /** Real FIS actions the twin does not run: refused by name rather than as unknown. */
    private static final Set<String> NOT_EMULATED = Set.of("aws:ec2:reboot-instances",
            "aws:ec2:send-spot-instance-interruptions", "aws:ec2:asg-insufficient-instance-capacity-error",
            "aws:ec2:api-insufficient-instance-capacity-error", "aws:fis:inject-api-internal-error",
            "aws:fis:inject-api-throttle-error", "aws:fis:inject-api-unavailable-error",
            "aws:cloudwatch:assert-alarm-state", "aws:ebs:pause-volume-io", "aws:network:route-table-disrupt-cross-region-connectivity",
            "aws:network:transit-gateway-disrupt-cross-region-connectivity", "aws:ssm:start-automation-execution",
            "aws:rds:failover-db-cluster", "aws:rds:reboot-db-instances", "aws:ecs:drain-container-instances",
            "aws:eks:terminate-nodegroup-instances", "aws:elasticache:interrupt-cluster-az-power");
    private static final Duration MIN_DURATION = Duration.ofMinutes(1);
    private static final Duration MAX_DURATION = Duration.ofHours(12);

    private final String id;
    private final String targetKey;
    private final String resourceType;
    private final Set<String> parameters;

    ActionKind(String id, String targetKey, String resourceType, Set<String> parameters) {
        this.id = id;
        this.targetKey = targetKey;
        this.resourceType = resourceType;
        this.parameters = parameters;
    }

    public String id() {
        return id;
    }

    /** The action's target key ({@code Instances}, {@code Subnets}); empty for {@code aws:fis:wait}. */
    public Optional<String> targetKey() {
        return Optional.ofNullable(targetKey);
    }

    public String resourceType() {
        return resourceType;
    }

    /** The kind for an action id; a real action the twin does not run, or a made-up one, is refused. */
    public static ActionKind of(String actionId) {
        return Arrays.stream(values()).filter(k -> k.id.equals(actionId)).findFirst().orElseThrow(() ->
                FisRejection.validation(NOT_EMULATED.contains(actionId)
                        ? "The action " + actionId + " is not emulated by the ovha twin; it runs "
                                + String.join(", ", Arrays.stream(values()).map(ActionKind::id).toList())
                        : "Action type " + actionId + " does not exist."));
    }

    /** Checks an action's parameters as FIS does at template creation. */
    void validate(String actionName, Map<String, String> given) {
        for (String name : given.keySet()) {
            if (!parameters.contains(name)) {
                throw FisRejection.validation("Action " + actionName + ": " + id + " has no parameter '" + name + "'"
                        + (parameters.isEmpty() ? "" : "; its parameters are " + String.join(", ", parameters.stream().sorted().toList())));
            }
        }
        switch (this) {
            case STOP_INSTANCES -> {
                optional(given, "startInstancesAfterDuration").ifPresent(d -> duration(actionName, "startInstancesAfterDuration", d));
                optional(given, "completeIfInstancesTerminated").ifPresent(b -> bool(actionName, "completeIfInstancesTerminated", b));
            }
            case DISRUPT_CONNECTIVITY -> {
                duration(actionName, "duration", required(actionName, given, "duration"));
                String scope = given.getOrDefault("scope", "all");
                if (!scope.equals("all")) {
                    throw FisRejection.validation("Action " + actionName + ": the ovha twin emulates the disrupt-connectivity scope 'all' only, not '"
                            + scope + "'");
                }
                if (given.containsKey("prefixListIdentifier")) {
                    throw FisRejection.validation("Action " + actionName + ": prefixListIdentifier applies to the prefix-list scope, which the ovha twin does not emulate");
                }
            }
            case SEND_COMMAND -> {
                CpuStressDocument.parse(actionName, required(actionName, given, "documentArn"),
                        given.getOrDefault("documentParameters", "{}"));
                optional(given, "duration").ifPresent(d -> duration(actionName, "duration", d));
            }
            case WAIT -> duration(actionName, "duration", required(actionName, given, "duration"));
            default -> {
                // terminate-instances takes no parameters
            }
        }
    }

    /** An ISO-8601 duration parameter, checked against FIS's one minute to twelve hours. */
    static Duration duration(String actionName, String parameter, String value) {
        Duration d;
        try {
            d = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw FisRejection.validation("Action " + actionName + ": the " + parameter + " parameter must be an ISO 8601 duration such as PT5M, got '"
                    + value + "'");
        }
        if (d.compareTo(MIN_DURATION) < 0 || d.compareTo(MAX_DURATION) > 0) {
            throw FisRejection.validation("Action " + actionName + ": the " + parameter
                    + " parameter must be between PT1M and PT12H, got " + value);
        }
        return d;
    }

    static boolean bool(String actionName, String parameter, String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw FisRejection.validation("Action " + actionName + ": the " + parameter + " parameter must be true or false, got '"
                    + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static String required(String actionName, Map<String, String> given, String name) {
        return optional(given, name).orElseThrow(() -> FisRejection.validation("Action " + actionName
                + ": the required parameter " + name + " is missing"));
    }

    private static Optional<String> optional(Map<String, String> given, String name) {
        return Optional.ofNullable(given.get(name));
    }
}
