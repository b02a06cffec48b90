package dev.ovha.chaos;

import dev.ovha.aws.AwsClients;
import dev.ovha.config.Timeouts;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;

/**
 * What every fault of a {@code @disruptive} scenario acts through: the guard (asked before anything is
 * touched), the stack as CloudFormation names it, the undo journal (written before every change), the AWS
 * clients, the FIS role (none: no FIS), where the stack lives, how long a fault's own waits may last, and the
 * kill switch's flag.
 *
 * @param region  the stack's region (SSM document ARNs and subnet ARNs name it)
 * @param account the stack's account id
 */
public record FaultContext(ChaosGuard guard, StackFacts stack, UndoJournal journal, AwsClients aws, FisRole role,
                           String region, String account, Timeouts waits, StopFlag stop) {

    /** @throws ChaosRefused when {@code @disruptive} changes are not allowed on this stack */
    public FaultContext {
        guard.requireDisruptive(stack);
    }

    /**
     * Runs an FIS experiment made from {@code template} (the role is added here).
     *
     * @throws ChaosRefused when no FIS role is configured: this fault needs FIS
     */
    ExperimentRun runExperiment(String scenario, String fault, CreateExperimentTemplateRequest template) {
        String roleArn = role.arn().orElseThrow(() -> new ChaosRefused("skipped: " + fault + " needs AWS FIS, and"
                + " no FIS role is configured; set -Dovha.fis.roleArn=arn:aws:iam::" + account + ":role/<role FIS"
                + " assumes> (the README lists its policy)"));
        FisChanges changes = new FisChanges(guard, stack, journal, aws.fis());
        return new FisExperiments(changes, aws.fis(), guard, waits, stop)
                .start(scenario, template.toBuilder().roleArn(roleArn)
                        .stopConditions(s -> s.source("none")).build());
    }

    /** Waits until the experiment ended. */
    ExperimentRun awaitEnd(ExperimentRun run, Duration within) {
        FisChanges changes = new FisChanges(guard, stack, journal, aws.fis());
        return new FisExperiments(changes, aws.fis(), guard, waits, stop).awaitEnd(run, within);
    }

    /** The tags an Auto Scaling group puts on its instances, to target them in FIS. */
    static Map<String, String> groupTag(String group) {
        return Map.of("aws:autoscaling:groupName", group);
    }

    /** Terminates instances outside FIS, journalled first with the group's capacity as its undo. */
    Injection terminateDirectly(String scenario, String fault, String group, String instanceId, String why) {
        int desired = aws.autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(group))
                .autoScalingGroups().get(0).desiredCapacity();
        // An instance cannot be brought back; what the journal can promise is that the group keeps its size.
        RestoreCapacity undo = new RestoreCapacity(group, desired, null, null);
        String change = "terminate " + instanceId + " of " + group + " with EC2 TerminateInstances (" + why + ")";
        String method = "EC2 TerminateInstances directly (" + why + ")";
        Instant at = Instant.now();
        if (guard.dryRun()) {
            journal.recordPlanned(scenario, stack.name(), change, undo);
            return new Injection(fault, method, java.util.List.of(instanceId), at, false, Optional.empty());
        }
        journal.change(scenario, stack.name(), change, undo,
                entry -> aws.ec2().terminateInstances(r -> r.instanceIds(instanceId)));
        return new Injection(fault, method, java.util.List.of(instanceId), at, true, Optional.empty());
    }
}
