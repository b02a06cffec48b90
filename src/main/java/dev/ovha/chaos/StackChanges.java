package dev.ovha.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ovha.aws.AwsClients;
import dev.ovha.openvidu.OpenViduEndpoint;
import dev.ovha.report.SecretKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/**
 * The reversible changes {@code @mutating} scenarios make, each journalled with its undo before it is made:
 * an Auto Scaling group's desired capacity, keys of OpenVidu's {@code .env} in S3, and configuration
 * properties through {@code POST /openvidu/api/restart}. In a dry run each is recorded as planned and not
 * made. Built only for a stack the guard allows {@code @mutating} changes on.
 */
public final class StackChanges {
    private final ChaosGuard guard;
    private final StackFacts stack;
    private final UndoJournal journal;
    private final AwsClients aws;
    private final Supplier<OpenViduEndpoint> openvidu;
    private final SecretScreen screen;

    /** @throws ChaosRefused when the guard does not allow {@code @mutating} changes on {@code stack} */
    public StackChanges(ChaosGuard guard, StackFacts stack, UndoJournal journal, AwsClients aws,
                        Supplier<OpenViduEndpoint> openvidu, SecretScreen screen) {
        guard.requireMutating(stack);
        this.guard = guard;
        this.stack = stack;
        this.journal = journal;
        this.aws = aws;
        this.openvidu = openvidu;
        this.screen = screen;
    }

    /**
     * Sets a group's desired capacity, widening its min or max when the new capacity lies outside them; the
     * undo restores the desired capacity and whichever bound moved.
     */
    public ChangeRecord setDesiredCapacity(String scenario, String group, int desired) {
        AutoScalingGroup current = describe(group);
        Integer newMin = desired < current.minSize() ? desired : null;
        Integer newMax = desired > current.maxSize() ? desired : null;
        RestoreCapacity undo = new RestoreCapacity(group, current.desiredCapacity(),
                newMin == null ? null : current.minSize(), newMax == null ? null : current.maxSize());
        String change = "set desired capacity of " + group + " from " + current.desiredCapacity() + " to " + desired
                + (newMin == null ? "" : " (min " + current.minSize() + " -> " + newMin + ")")
                + (newMax == null ? "" : " (max " + current.maxSize() + " -> " + newMax + ")");
        return make(scenario, change, undo, () -> aws.autoScaling().updateAutoScalingGroup(r -> r
                .autoScalingGroupName(group).desiredCapacity(desired).minSize(newMin).maxSize(newMax)));
    }

    /**
     * Grows a group by one member and pins it there: MinSize rises with the desired capacity, so that a
     * scale-in alarm (on an idle stack the media group's low-CPU alarm is in ALARM for good) cannot take the
     * new member back while a scenario watches it. The undo sets the sizes back and terminates the new member
     * if the group cannot (members protected from scale-in), so the group ends with the members it had.
     */
    public ChangeRecord addMember(String scenario, String group) {
        AutoScalingGroup current = describe(group);
        int desired = current.desiredCapacity() + 1;
        Integer newMax = desired > current.maxSize() ? desired : null;
        RestoreGroupMembers undo = new RestoreGroupMembers(group, current.desiredCapacity(), current.minSize(),
                newMax == null ? null : current.maxSize(),
                current.instances().stream().map(i -> i.instanceId()).toList());
        String change = "add one member to " + group + ": desired capacity and min " + current.desiredCapacity()
                + " -> " + desired + (newMax == null ? "" : " (max " + current.maxSize() + " -> " + newMax + ")");
        return make(scenario, change, undo, () -> aws.autoScaling().updateAutoScalingGroup(r -> r
                .autoScalingGroupName(group).minSize(desired).desiredCapacity(desired).maxSize(newMax)));
    }

    /**
     * As {@link #editDotEnv}, for a change the masters will not notice when it is undone (auto-restart turned
     * off): an undo that restarts every master is journalled first, so that it plays after the {@code .env}
     * lines are back, and the masters load them.
     */
    public ChangeRecord editDotEnvRestartingOnUndo(String scenario, String bucket, Map<String, String> values,
                                                   String reason) {
        values.forEach(StackChanges::requireChangeable);
        make(scenario, "restart every master after the .env edit below is undone", new RestartMasters(reason), () -> { });
        return editDotEnv(scenario, bucket, values);
    }

    /**
     * Sets keys of the {@code .env} object in the configuration bucket (what an operator does by hand); with
     * auto-restart on, the masters pick it up and restart. Secret-looking keys are refused: their previous
     * value could not be journalled.
     */
    public ChangeRecord editDotEnv(String scenario, String bucket, Map<String, String> values) {
        values.forEach(StackChanges::requireChangeable);
        String key = ".env";
        DotEnvText before = readDotEnv(bucket, key);
        RestoreDotEnvKeys undo = dotEnvUndo(bucket, key, before, values.keySet());
        String change = "set " + String.join(", ", new TreeMap<>(values).keySet()) + " in s3://" + bucket + "/" + key;
        return make(scenario, change, undo, () -> {
            DotEnvText edited = readDotEnv(bucket, key);
            values.forEach(edited::set);
            aws.s3().putObject(r -> r.bucket(bucket).key(key).contentType("text/plain"),
                    RequestBody.fromString(edited.text(), StandardCharsets.UTF_8));
        });
    }

    /**
     * Changes configuration properties through {@code POST /openvidu/api/restart}, which persists them to
     * the {@code .env} and restarts every master. Two undos are journalled: the served values (restored
     * through {@code /restart}, played first) and the {@code .env} lines (played last, so that the file ends
     * exactly as it was, even for a key {@code /restart} added).
     */
    public ChangeRecord changeConfiguration(String scenario, String bucket, Map<String, JsonNode> properties) {
        properties.keySet().forEach(k -> requireChangeable(k, ""));
        OpenViduAdmin admin = new OpenViduAdmin(openvidu.get());
        screen.add(openvidu.get().secret().reveal());
        JsonNode served = admin.config();
        Map<String, JsonNode> previous = new LinkedHashMap<>();
        for (String property : properties.keySet()) {
            JsonNode value = served.get(property);
            if (value == null || value.isNull()) {
                throw new ChaosRefused("refused: GET /openvidu/api/config does not show " + property + ", so its"
                        + " previous value could not be restored; change a property the configuration lists");
            }
            previous.put(property, value);
        }
        String key = ".env";
        RestoreDotEnvKeys dotEnvUndo = dotEnvUndo(bucket, key, readDotEnv(bucket, key), properties.keySet());
        String keys = String.join(", ", new TreeMap<>(properties).keySet());
        make(scenario, "POST /openvidu/api/restart persists " + keys + " to s3://" + bucket + "/" + key,
                dotEnvUndo, () -> { });
        return make(scenario, "change OpenVidu configuration " + keys + " with POST /openvidu/api/restart",
                new RestoreConfig(previous), () -> admin.restart(properties));
    }

    private ChangeRecord make(String scenario, String change, UndoAction undo, Runnable mutation) {
        if (guard.dryRun()) {
            return new ChangeRecord(journal.recordPlanned(scenario, stack.name(), change, undo), false);
        }
        return journal.change(scenario, stack.name(), change, undo, entry -> {
            mutation.run();
            return new ChangeRecord(entry, true);
        });
    }

    private AutoScalingGroup describe(String group) {
        return aws.autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(group))
                .autoScalingGroups().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Auto Scaling group " + group + " not found"));
    }

    private DotEnvText readDotEnv(String bucket, String key) {
        DotEnvText env = DotEnvText.parse(aws.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String());
        env.values().forEach((k, v) -> {
            if (SecretKeys.looksSecret(k)) {
                screen.add(v);
            }
        });
        return env;
    }

    private static RestoreDotEnvKeys dotEnvUndo(String bucket, String key, DotEnvText before, Iterable<String> keys) {
        Map<String, String> previous = new LinkedHashMap<>();
        List<String> absent = new ArrayList<>();
        for (String k : keys) {
            before.raw(k).ifPresentOrElse(raw -> previous.put(k, raw), () -> absent.add(k));
        }
        return new RestoreDotEnvKeys(bucket, key, previous, absent);
    }

    private static void requireChangeable(String key, String value) {
        if (SecretKeys.looksSecret(key)) {
            throw new ChaosRefused("refused: " + key + " looks like a secret, and its value must never enter the"
                    + " undo journal, so a change to it could not be undone; change another key");
        }
        if (!key.matches("[A-Za-z_][A-Za-z0-9_]*") || value.contains("\n") || value.contains("\r")) {
            throw new ChaosRefused("refused: '" + OneLine.of(key) + "' with that value is not a one-line"
                    + " .env assignment");
        }
    }
}
