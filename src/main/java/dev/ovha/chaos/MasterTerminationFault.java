package dev.ovha.chaos;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateActionInput;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateTargetInput;

/**
 * Kills one master node, as a hardware failure would: through an FIS experiment created for the run
 * ({@code aws:ec2:terminate-instances} on {@code COUNT(1)} of the master group's running instances), or, when
 * no FIS role is configured, with EC2 TerminateInstances on one serving master. Blast radius: one master, and
 * only while at least {@code ovha.chaos.minHealthyMasters} are healthy.
 */
public final class MasterTerminationFault {
    static final String FAULT = "terminate one master";
    private final FaultContext context;

    public MasterTerminationFault(FaultContext context) {
        this.context = context;
    }

    /**
     * @param masterGroup    the master Auto Scaling group
     * @param servingMasters the masters the load balancer sends requests to now
     * @throws ChaosRefused when too few masters are healthy
     */
    public Injection inject(String scenario, String masterGroup, List<String> servingMasters) {
        context.guard().requireMasterFault(servingMasters.size(), 0);
        if (context.role().present()) {
            Instant at = Instant.now();
            ExperimentRun run = context.runExperiment(scenario, FAULT, template(masterGroup));
            return new Injection(FAULT, "FIS experiment " + run.experimentId() + " from template " + run.templateId()
                    + " (aws:ec2:terminate-instances, COUNT(1) of the running instances of " + masterGroup + ", actionsMode "
                    + run.actionsMode() + ")", run.resolvedTargets(), at, !context.guard().dryRun(), Optional.of(run));
        }
        String victim = servingMasters.stream().sorted().findFirst().orElseThrow();
        return context.terminateDirectly(scenario, FAULT, masterGroup, victim, "no FIS role configured");
    }

    static CreateExperimentTemplateRequest template(String masterGroup) {
        return CreateExperimentTemplateRequest.builder()
                .description("ovha: terminate one master of " + masterGroup)
                .targets(Map.of("master", CreateExperimentTemplateTargetInput.builder()
                        .resourceType("aws:ec2:instance")
                        .resourceTags(FaultContext.groupTag(masterGroup))
                        .filters(f -> f.path("State.Name").values("running"))
                        .selectionMode("COUNT(1)").build()))
                .actions(Map.of("terminate", CreateExperimentTemplateActionInput.builder()
                        .actionId("aws:ec2:terminate-instances")
                        .targets(Map.of("Instances", "master")).build()))
                .build();
    }
}
