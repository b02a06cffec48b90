package dev.ovha.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.aws.AwsClients;
import dev.ovha.aws.AwsTarget;
import dev.ovha.aws.CallLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.Experiment;

/** FIS templates and experiments through the real SDK against a small fake FIS: tags, tokens, undo, sweep. */
class FisChangesTest {
    private static final String STACK = "game-day-ov";
    private static final CreateExperimentTemplateRequest TEMPLATE = CreateExperimentTemplateRequest.builder()
            .description("terminate one master").roleArn("arn:aws:iam::123456789012:role/fis")
            .tags(Map.of("team", "media")).build();

    @TempDir
    Path dir;
    private FakeFis fake;
    private AwsClients aws;
    private UndoJournal journal;
    private UndoContext context;

    @BeforeEach
    void start() {
        fake = new FakeFis(null);
        aws = new AwsClients(AwsTarget.emulator(fake.endpoint(), "us-east-1", "AKIAFAKE", "fake-secret")
                .withLimits(CallLimits.DEFAULT.withMaxAttempts(1)));
        journal = UndoJournal.open(dir.resolve("undo-journal.jsonl"), new RunId("run-now"), new SecretScreen());
        context = new UndoContext(aws, aws::fis, () -> {
            throw new AssertionError("FIS undos do not need OpenVidu");
        }, new SecretScreen(), Duration.ofSeconds(5), StopFlag.NEVER);
    }

    @AfterEach
    void stop() {
        journal.close();
        aws.close();
        fake.close();
    }

    private FisChanges changes(boolean dryRun) {
        return new FisChanges(TwinStack.twinGuard(dryRun), new StackFacts(STACK, Map.of()), journal, aws.fis());
    }

    @Test
    void templatesAndExperimentsCarryTheRunsTagsAndTheEntryAsClientToken() {
        String template = changes(false).createTemplate("Master termination", TEMPLATE);
        Experiment experiment = changes(false).startExperiment("Master termination", template);

        assertThat(fake.templates().get(template).path("tags").toString()).contains("\"team\":\"media\"",
                "\"ovha:run-id\":\"run-now\"", "\"ovha:stack\":\"game-day-ov\"", "\"ovha:entry\":\"run-now#1\"",
                "\"ovha:scenario\":\"Master termination\"");
        assertThat(experiment.tags()).containsEntry(FisTags.ENTRY, "run-now#2");
        assertThat(experiment.experimentOptions().actionsModeAsString()).isEqualTo("run-all");
        assertThat(journal.pending()).extracting(e -> e.undo().describe()).containsExactly(
                "delete the FIS experiment template tagged ovha:entry=run-now#1",
                "stop the FIS experiment tagged ovha:entry=run-now#2");
    }

    @Test
    void aDryRunStartsTheExperimentWithSkipAll() {
        FisChanges dry = changes(true);
        Experiment experiment = dry.startExperiment("Master termination", dry.createTemplate("Master termination", TEMPLATE));

        assertThat(experiment.experimentOptions().actionsModeAsString()).isEqualTo("skip-all");
        assertThat(journal.pending()).hasSize(2);
    }

    @Test
    void rollbackStopsTheExperimentWaitsForItThenDeletesTheTemplate() {
        String template = changes(false).createTemplate("Master termination", TEMPLATE);
        String experiment = changes(false).startExperiment("Master termination", template).id();

        RollbackReport report = new Rollbacks(journal, context).afterScenario("Master termination");

        assertThat(report.clean()).isTrue();
        assertThat(report.outcomes()).extracting(UndoOutcome::message).containsExactly(
                "stopped FIS experiment " + experiment, "deleted FIS experiment template " + template);
        assertThat(fake.status(experiment)).isEqualTo("stopped");
        assertThat(fake.templates()).isEmpty();
        assertThat(fake.calls()).containsSubsequence("DELETE /experiments/" + experiment,
                "GET /experiments/" + experiment, "DELETE /experimentTemplates/" + template);
    }

    @Test
    void undoingWhatNeverGotCreatedIsANoOp() {
        journal.recordPending("S", STACK, "start", new StopExperiments("run-now#9"));
        journal.recordPending("S", STACK, "create", new DeleteExperimentTemplates("run-now#8"));

        RollbackReport report = new Rollbacks(journal, context).afterScenario("S");

        assertThat(report.clean()).isTrue();
        assertThat(report.outcomes()).extracting(UndoOutcome::message).containsExactly(
                "no FIS experiment template tagged ovha:entry=run-now#8 (never created or deleted)",
                "no FIS experiment tagged ovha:entry=run-now#9 (never started)");
    }

    @Test
    void theSweeperTakesOnlyWhatOtherOvhaRunsLeftOnThisStack() {
        Map<String, String> leftover = Map.of(FisTags.RUN_ID, "run-crashed", FisTags.STACK, STACK);
        String orphanTemplate = fake.addTemplate(leftover);
        String running = fake.addExperiment(orphanTemplate, "running", leftover);
        String completed = fake.addExperiment(orphanTemplate, "completed", leftover);
        String otherStack = fake.addTemplate(Map.of(FisTags.RUN_ID, "run-crashed", FisTags.STACK, "prod-ov"));
        String foreign = fake.addTemplate(Map.of("owner", "someone else"));
        String current = fake.addTemplate(Map.of(FisTags.RUN_ID, "run-now", FisTags.STACK, STACK));
        String foreignRunning = fake.addExperiment(foreign, "running", Map.of());

        var lines = new FisSweeper(context).sweep(STACK, "run-now");

        assertThat(lines).containsExactly("stopped FIS experiment " + running + " left by run run-crashed",
                "deleted FIS experiment template " + orphanTemplate + " left by run run-crashed");
        assertThat(fake.status(running)).isEqualTo("stopped");
        assertThat(fake.status(completed)).isEqualTo("completed");
        assertThat(fake.status(foreignRunning)).isEqualTo("running");
        assertThat(fake.templates()).containsOnlyKeys(otherStack, foreign, current);
    }
}
