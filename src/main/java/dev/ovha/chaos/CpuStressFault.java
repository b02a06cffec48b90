package dev.ovha.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateActionInput;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateTargetInput;

/**
 * Loads every running media node's CPU with FIS {@code aws:ssm:send-command} and AWS's
 * {@code AWSFIS-Run-CPU-Stress} document, long enough for the scale-up alarm (average CPU of the group above
 * its threshold for a one-minute period) to fire. The media group's desired capacity is journalled before the
 * experiment starts, because the scaling policy will raise it: the rollback lowers it back.
 */
public final class CpuStressFault {
    static final String FAULT = "stress the media nodes' CPU";
    /** Three one-minute periods: the alarm needs a whole stressed minute, then its policy acts. */
    static final Duration STRESS = Duration.ofMinutes(3);
    private final FaultContext context;

    public CpuStressFault(FaultContext context) {
        this.context = context;
    }

    public Injection inject(String scenario, String mediaGroup) {
        var group = context.aws().autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(mediaGroup))
                .autoScalingGroups().get(0);
        int desired = group.desiredCapacity();
        RestoreGroupMembers undo = new RestoreGroupMembers(mediaGroup, desired, null, null,
                group.instances().stream().map(i -> i.instanceId()).toList());
        String change = "the CPU stress makes the scale-up policy raise the desired capacity of " + mediaGroup
                + " from " + desired;
        if (context.guard().dryRun()) {
            context.journal().recordPlanned(scenario, context.stack().name(), change, undo);
        } else {
            context.journal().change(scenario, context.stack().name(), change, undo, entry -> entry);
        }
        Instant at = Instant.now();
        ExperimentRun run = context.runExperiment(scenario, "a CPU stress", template(mediaGroup));
        return new Injection(FAULT, "FIS experiment " + run.experimentId() + " from template " + run.templateId()
                + " (aws:ssm:send-command AWSFIS-Run-CPU-Stress for " + STRESS + ", actionsMode " + run.actionsMode()
                + ")", run.resolvedTargets(), at, !context.guard().dryRun(), Optional.of(run));
    }

    /** Waits until the stress is over. */
    public ExperimentRun awaitEnd(Injection injection, Duration within) {
        return context.awaitEnd(injection.experiment().orElseThrow(), within);
    }

    CreateExperimentTemplateRequest template(String mediaGroup) {
        String document = "arn:aws:ssm:" + context.region() + "::document/AWSFIS-Run-CPU-Stress";
        return CreateExperimentTemplateRequest.builder()
                .description("ovha: stress the CPU of the media nodes of " + mediaGroup)
                .targets(Map.of("media", CreateExperimentTemplateTargetInput.builder()
                        .resourceType("aws:ec2:instance")
                        .resourceTags(FaultContext.groupTag(mediaGroup))
                        .filters(f -> f.path("State.Name").values("running"))
                        .selectionMode("ALL").build()))
                .actions(Map.of("stress", CreateExperimentTemplateActionInput.builder()
                        .actionId("aws:ssm:send-command")
                        .parameters(Map.of("documentArn", document,
                                "documentParameters", "{\"DurationSeconds\":\"" + STRESS.toSeconds()
                                        + "\",\"CPU\":\"0\",\"LoadPercent\":\"100\"}",
                                "duration", STRESS.toString()))
                        .targets(Map.of("Instances", "media")).build()))
                .build();
    }
}
