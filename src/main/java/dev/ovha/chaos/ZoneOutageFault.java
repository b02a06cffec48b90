package dev.ovha.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateActionInput;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateTargetInput;

/**
 * An availability-zone outage, as far as one subnet goes: FIS {@code aws:network:disrupt-connectivity}
 * (scope {@code all}) on one of the stack's subnets for a bounded duration; FIS restores the network when the
 * action ends or the experiment is stopped (the rollback). Blast radius: the subnet may hold at most one
 * master, and the others must be enough to serve.
 */
public final class ZoneOutageFault {
    static final String FAULT = "cut one subnet off the network";
    private final FaultContext context;

    public ZoneOutageFault(FaultContext context) {
        this.context = context;
    }

    /**
     * @param subnet           the subnet to cut off
     * @param mastersInSubnet  serving masters in it
     * @param servingMasters   all serving masters
     */
    public Injection inject(String scenario, String subnet, int mastersInSubnet, int servingMasters, Duration duration) {
        if (mastersInSubnet > 1) {
            throw new ChaosRefused("refused: subnet " + subnet + " holds " + mastersInSubnet + " masters, and ovha"
                    + " faults at most one master at a time; spread the masters over the subnets first");
        }
        context.guard().requireMasterFault(servingMasters, 0);
        Instant at = Instant.now();
        ExperimentRun run = context.runExperiment(scenario, "an availability-zone outage", template(subnet, duration));
        return new Injection(FAULT, "FIS experiment " + run.experimentId() + " from template " + run.templateId()
                + " (aws:network:disrupt-connectivity, scope all, duration " + duration + ", actionsMode "
                + run.actionsMode() + ")", run.resolvedTargets(), at, !context.guard().dryRun(), Optional.of(run));
    }

    /** Waits until FIS has given the network back. */
    public ExperimentRun awaitEnd(Injection injection, Duration within) {
        return context.awaitEnd(injection.experiment().orElseThrow(), within);
    }

    CreateExperimentTemplateRequest template(String subnet, Duration duration) {
        String arn = "arn:aws:ec2:" + context.region() + ":" + context.account() + ":subnet/" + subnet;
        return CreateExperimentTemplateRequest.builder()
                .description("ovha: cut subnet " + subnet + " off for " + duration)
                .targets(Map.of("subnet", CreateExperimentTemplateTargetInput.builder()
                        .resourceType("aws:ec2:subnet").resourceArns(List.of(arn)).selectionMode("ALL").build()))
                .actions(Map.of("disrupt", CreateExperimentTemplateActionInput.builder()
                        .actionId("aws:network:disrupt-connectivity")
                        .parameters(Map.of("duration", duration.toString(), "scope", "all"))
                        .targets(Map.of("Subnets", "subnet")).build()))
                .build();
    }
}
