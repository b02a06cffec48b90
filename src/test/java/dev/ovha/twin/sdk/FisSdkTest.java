package dev.ovha.twin.sdk;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.fis.model.ActionsMode;
import software.amazon.awssdk.services.fis.model.ConflictException;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateActionInput;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateStopConditionInput;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateTargetInput;
import software.amazon.awssdk.services.fis.model.Experiment;
import software.amazon.awssdk.services.fis.model.ExperimentActionStatus;
import software.amazon.awssdk.services.fis.model.ExperimentStatus;
import software.amazon.awssdk.services.fis.model.ExperimentSummary;
import software.amazon.awssdk.services.fis.model.ExperimentTemplate;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateSummary;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateTargetInputFilter;
import software.amazon.awssdk.services.fis.model.FisException;
import software.amazon.awssdk.services.fis.model.ResolvedTarget;
import software.amazon.awssdk.services.fis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.fis.model.ValidationException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FIS through the real SDK v2 client that {@code AwsClients.fis()} builds, on the twin's manual clock. */
class FisSdkTest extends TwinSdkTestBase {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final String ROLE = "arn:aws:iam::123456789012:role/fis-role";

    @Test
    void aTemplateIsCreatedReadAndDeleted() {
        ExperimentTemplate created = aws.fis().createExperimentTemplate(terminateOneMaster()).experimentTemplate();
        assertThat(created.id()).matches("EXT[A-Za-z0-9]{14}");
        assertThat(created.arn()).isEqualTo("arn:aws:fis:us-east-1:123456789012:experiment-template/" + created.id());
        assertThat(created.creationTime()).isEqualTo(T0);
        assertThat(created.targets().get("masters").resourceTags())
                .containsEntry("aws:autoscaling:groupName", masterGroup());
        assertThat(created.targets().get("masters").filters()).singleElement()
                .satisfies(f -> assertThat(f.values()).containsExactly("running"));
        assertThat(created.actions().get("terminateOne").targets()).containsEntry("Instances", "masters");
        assertThat(created.actions().get("terminateOne").parameters()).isEmpty();
        assertThat(created.experimentOptions().emptyTargetResolutionModeAsString()).isEqualTo("fail");
        assertThat(created.tags()).containsEntry("owner", "twin");

        ExperimentTemplate read = aws.fis().getExperimentTemplate(r -> r.id(created.id())).experimentTemplate();
        assertThat(read).isEqualTo(created);
        ExperimentTemplate deleted = aws.fis().deleteExperimentTemplate(r -> r.id(created.id())).experimentTemplate();
        assertThat(deleted.id()).isEqualTo(created.id());
        assertThatThrownBy(() -> aws.fis().getExperimentTemplate(r -> r.id(created.id())))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Experiment template " + created.id() + " not found");
                });
    }

    @Test
    void aRoleOfAnotherAccountCannotBeAssumed() {
        assertThatThrownBy(() -> aws.fis().createExperimentTemplate(terminateOneMaster().toBuilder()
                .roleArn("arn:aws:iam::999999999999:role/fis-role").build()))
                .isInstanceOf(software.amazon.awssdk.services.fis.model.ValidationException.class)
                .hasMessageContaining("FIS cannot assume the role arn:aws:iam::999999999999:role/fis-role");
    }

    @Test
    void anExperimentRunsToCompletionOnTheManualClock() {
        String template = aws.fis().createExperimentTemplate(terminateOneMaster()).experimentTemplate().id();
        Experiment started = aws.fis().startExperiment(r -> r.experimentTemplateId(template).tags(Map.of("run", "1")))
                .experiment();
        assertThat(started.state().status()).isEqualTo(ExperimentStatus.INITIATING);
        assertThat(started.state().reason()).isEqualTo("Experiment is initiating.");
        assertThat(started.actions().get("terminateOne").state().status()).isEqualTo(ExperimentActionStatus.PENDING);
        assertThat(started.startTime()).isEqualTo(T0);

        Experiment done = untilFinished(started.id(), Duration.ofMinutes(1));
        assertThat(done.state().status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(done.state().reason()).isEqualTo("Experiment completed.");
        assertThat(done.actions().get("terminateOne").state().status()).isEqualTo(ExperimentActionStatus.COMPLETED);
        // initiating 1 s, then EC2 takes 15 s to terminate the instance
        assertThat(done.actions().get("terminateOne").startTime()).isEqualTo(T0.plusSeconds(1));
        assertThat(done.endTime()).isEqualTo(T0.plusSeconds(16));
        String victim = aws.fis().listExperimentResolvedTargets(r -> r.experimentId(started.id())).resolvedTargets()
                .get(0).targetInformation().get("identifier");
        String instanceId = victim.substring(victim.indexOf("instance/") + "instance/".length());
        assertThat(aws.ec2().describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0)
                .state().nameAsString()).isEqualTo("terminated");
    }

    @Test
    void aStoppedExperimentIsStoppingThenStopped() {
        String template = aws.fis().createExperimentTemplate(waitTemplate("PT10M")).experimentTemplate().id();
        String id = aws.fis().startExperiment(r -> r.experimentTemplateId(template)).experiment().id();
        twin.advance(Duration.ofSeconds(30));
        Experiment stopping = aws.fis().stopExperiment(r -> r.id(id)).experiment();
        assertThat(stopping.state().status()).isEqualTo(ExperimentStatus.STOPPING);
        assertThat(stopping.actions().get("pause").state().status()).isEqualTo(ExperimentActionStatus.STOPPING);
        twin.advance(Duration.ofSeconds(2));
        Experiment stopped = aws.fis().getExperiment(r -> r.id(id)).experiment();
        assertThat(stopped.state().status()).isEqualTo(ExperimentStatus.STOPPED);
        assertThat(stopped.actions().get("pause").state().status()).isEqualTo(ExperimentActionStatus.STOPPED);
        assertThat(stopped.endTime()).isEqualTo(T0.plusSeconds(32));
        assertThatThrownBy(() -> aws.fis().stopExperiment(r -> r.id(id))).isInstanceOf(ValidationException.class);
    }

    @Test
    void listingsPageThreeAtATimeAndThePaginatorsFollowTheTokens() {
        String one = aws.fis().createExperimentTemplate(waitTemplate("PT1M")).experimentTemplate().id();
        String two = aws.fis().createExperimentTemplate(waitTemplate("PT2M")).experimentTemplate().id();
        for (int i = 0; i < 4; i++) {
            aws.fis().startExperiment(r -> r.experimentTemplateId(one));
        }
        aws.fis().startExperiment(r -> r.experimentTemplateId(two));
        assertThat(aws.fis().listExperiments(r -> { }).experiments()).as("one page only").hasSize(3);
        List<ExperimentSummary> all = aws.fis().listExperimentsPaginator(r -> { }).experiments().stream().toList();
        assertThat(all).hasSize(5).allSatisfy(e -> assertThat(e.state().status()).isEqualTo(ExperimentStatus.INITIATING));
        assertThat(aws.fis().listExperimentsPaginator(r -> r.experimentTemplateId(one).maxResults(1)).experiments().stream())
                .hasSize(4).allSatisfy(e -> assertThat(e.experimentTemplateId()).isEqualTo(one));
        List<ExperimentTemplateSummary> templates = aws.fis().listExperimentTemplatesPaginator(r -> r.maxResults(1))
                .experimentTemplates().stream().toList();
        assertThat(templates).extracting(ExperimentTemplateSummary::id).containsExactly(one, two);
    }

    @Test
    void resolvedTargetsNameTheChosenInstances() {
        CreateExperimentTemplateRequest request = terminateOneMaster().toBuilder()
                .targets(Map.of("masters", mastersTarget("ALL"))).build();
        String template = aws.fis().createExperimentTemplate(request).experimentTemplate().id();
        String id = aws.fis().startExperiment(r -> r.experimentTemplateId(template)
                .experimentOptions(o -> o.actionsMode(ActionsMode.SKIP_ALL))).experiment().id();
        twin.advance(Duration.ofSeconds(1));
        List<ResolvedTarget> targets = aws.fis().listExperimentResolvedTargetsPaginator(r -> r.experimentId(id).maxResults(1))
                .resolvedTargets().stream().toList();
        List<String> masters = aws.autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(masterGroup()))
                .autoScalingGroups().get(0).instances().stream().map(i -> "arn:aws:ec2:us-east-1:123456789012:instance/" + i.instanceId())
                .toList();
        assertThat(targets).extracting(t -> t.targetInformation().get("identifier")).containsExactlyInAnyOrderElementsOf(masters);
        assertThat(targets).allSatisfy(t -> {
            assertThat(t.resourceType()).isEqualTo("aws:ec2:instance");
            assertThat(t.targetName()).isEqualTo("masters");
        });
    }

    @Test
    void aSkipAllDryRunResolvesTargetsAndTouchesNothing() {
        String template = aws.fis().createExperimentTemplate(terminateOneMaster()).experimentTemplate().id();
        String id = aws.fis().startExperiment(r -> r.experimentTemplateId(template)
                .experimentOptions(o -> o.actionsMode(ActionsMode.SKIP_ALL))).experiment().id();
        Experiment done = untilFinished(id, Duration.ofSeconds(10));
        assertThat(done.state().status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(done.experimentOptions().actionsMode()).isEqualTo(ActionsMode.SKIP_ALL);
        assertThat(done.actions().get("terminateOne").state().status()).isEqualTo(ExperimentActionStatus.SKIPPED);
        assertThat(aws.fis().listExperimentResolvedTargets(r -> r.experimentId(id)).resolvedTargets()).hasSize(1);
        twin.advance(Duration.ofMinutes(1));
        assertThat(aws.ec2().describeInstancesPaginator(r -> r.filters(f -> f.name("instance-state-name").values("running")))
                .reservations().stream().mapToLong(res -> res.instances().size()).sum()).isEqualTo(4);
    }

    @Test
    void tagsAreReadAddedAndRemovedByArn() {
        ExperimentTemplate template = aws.fis().createExperimentTemplate(waitTemplate("PT1M")).experimentTemplate();
        Experiment experiment = aws.fis().startExperiment(r -> r.experimentTemplateId(template.id())
                .tags(Map.of("run", "7"))).experiment();
        aws.fis().tagResource(r -> r.resourceArn(experiment.arn()).tags(Map.of("owner", "qa", "scenario", "kill-master")));
        assertThat(aws.fis().listTagsForResource(r -> r.resourceArn(experiment.arn())).tags())
                .containsExactlyInAnyOrderEntriesOf(Map.of("run", "7", "owner", "qa", "scenario", "kill-master"));
        aws.fis().untagResource(r -> r.resourceArn(experiment.arn()).tagKeys("run", "scenario"));
        assertThat(aws.fis().listTagsForResource(r -> r.resourceArn(experiment.arn())).tags()).containsExactly(Map.entry("owner", "qa"));
        aws.fis().tagResource(r -> r.resourceArn(template.arn()).tags(Map.of("team", "sre")));
        assertThat(aws.fis().getExperimentTemplate(r -> r.id(template.id())).experimentTemplate().tags())
                .containsEntry("team", "sre");
    }

    @Test
    void refusalsArriveAsTheModelledExceptions() {
        CreateExperimentTemplateRequest both = terminateOneMaster().toBuilder().targets(Map.of("masters",
                mastersTarget("ALL").toBuilder().resourceArns("arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0").build()))
                .build();
        assertThatThrownBy(() -> aws.fis().createExperimentTemplate(both))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("You cannot specify both resource ARNs and resource tags");
                });
        CreateExperimentTemplateRequest unknownAction = waitTemplate("PT1M").toBuilder().actions(Map.of("boom",
                CreateExperimentTemplateActionInput.builder().actionId("aws:ec2:explode-instances").build())).build();
        assertThatThrownBy(() -> aws.fis().createExperimentTemplate(unknownAction)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> aws.fis().startExperiment(r -> r.experimentTemplateId("EXTnotThere000000")))
                .isInstanceOf(ResourceNotFoundException.class);
        String one = aws.fis().createExperimentTemplate(waitTemplate("PT1M")).experimentTemplate().id();
        String two = aws.fis().createExperimentTemplate(waitTemplate("PT1M")).experimentTemplate().id();
        aws.fis().startExperiment(r -> r.experimentTemplateId(one).clientToken("shared-token"));
        assertThatThrownBy(() -> aws.fis().startExperiment(r -> r.experimentTemplateId(two).clientToken("shared-token")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
        assertThatThrownBy(() -> aws.fis().listActions(r -> { }))
                .isInstanceOfSatisfying(FisException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("ListActions");
                });
    }

    /** Advances the manual clock a second at a time until the experiment reaches a terminal state. */
    private Experiment untilFinished(String id, Duration atMost) {
        for (long s = 0; s <= atMost.toSeconds(); s++) {
            Experiment e = aws.fis().getExperiment(r -> r.id(id)).experiment();
            if (List.of(ExperimentStatus.COMPLETED, ExperimentStatus.STOPPED, ExperimentStatus.FAILED).contains(e.state().status())) {
                return e;
            }
            twin.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("experiment " + id + " did not finish within " + atMost + "; it is "
                + aws.fis().getExperiment(r -> r.id(id)).experiment().state());
    }

    private CreateExperimentTemplateRequest terminateOneMaster() {
        return CreateExperimentTemplateRequest.builder()
                .description("terminate one master")
                .stopConditions(CreateExperimentTemplateStopConditionInput.builder().source("none").build())
                .targets(Map.of("masters", mastersTarget("COUNT(1)")))
                .actions(Map.of("terminateOne", CreateExperimentTemplateActionInput.builder()
                        .actionId("aws:ec2:terminate-instances").targets(Map.of("Instances", "masters")).build()))
                .roleArn(ROLE)
                .tags(Map.of("owner", "twin"))
                .build();
    }

    private CreateExperimentTemplateTargetInput mastersTarget(String selection) {
        return CreateExperimentTemplateTargetInput.builder()
                .resourceType("aws:ec2:instance")
                .resourceTags(Map.of("aws:autoscaling:groupName", masterGroup()))
                .filters(ExperimentTemplateTargetInputFilter.builder().path("State.Name").values("running").build())
                .selectionMode(selection)
                .build();
    }

    private static CreateExperimentTemplateRequest waitTemplate(String duration) {
        return CreateExperimentTemplateRequest.builder()
                .description("wait " + duration)
                .stopConditions(CreateExperimentTemplateStopConditionInput.builder().source("none").build())
                .actions(Map.of("pause", CreateExperimentTemplateActionInput.builder().actionId("aws:fis:wait")
                        .parameters(Map.of("duration", duration)).build()))
                .roleArn(ROLE)
                .build();
    }
}
