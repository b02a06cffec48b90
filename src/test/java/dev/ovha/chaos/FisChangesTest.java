package dev.ovha.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.twin.TwinOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.Experiment;

/** FIS templates and experiments through the real SDK against the twin's FIS: tags, tokens, undo, sweep. */
class FisChangesTest {
    @TempDir
    Path dir;
    private TwinStack stack;
    private UndoJournal journal;
    private UndoContext context;

    @BeforeEach
    void start() {
        stack = new TwinStack(TwinOptions.deterministic());
        journal = stack.journal(dir.resolve("undo-journal.jsonl"), "run-now");
        context = stack.context(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        journal.close();
        stack.close();
    }

    private FisChanges changes(boolean dryRun) {
        return new FisChanges(TwinStack.twinGuard(dryRun), stack.facts(), journal, stack.aws.fis());
    }

    private static CreateExperimentTemplateRequest waitTemplate(String duration, Map<String, String> tags) {
        return TwinStack.waitTemplate(duration).toBuilder().tags(tags).build();
    }

    @Test
    void templatesAndExperimentsCarryTheRunsTagsAndTheEntryAsClientToken() {
        String template = changes(false).createTemplate("Master termination", waitTemplate("PT1H", Map.of("team", "media")));
        Experiment experiment = changes(false).startExperiment("Master termination", template);

        Map<String, String> tags = stack.aws.fis().getExperimentTemplate(r -> r.id(template)).experimentTemplate().tags();
        assertThat(tags).containsEntry("team", "media").containsEntry(FisTags.RUN_ID, "run-now")
                .containsEntry(FisTags.STACK, "ovha-twin").containsEntry(FisTags.ENTRY, "run-now#1")
                .containsEntry(FisTags.SCENARIO, "Master termination");
        assertThat(experiment.tags()).containsEntry(FisTags.ENTRY, "run-now#2");
        assertThat(experiment.experimentOptions().actionsModeAsString()).isEqualTo("run-all");
        assertThat(journal.pending()).extracting(e -> e.undo().describe()).containsExactly(
                "delete the FIS experiment template tagged ovha:entry=run-now#1",
                "stop the FIS experiment tagged ovha:entry=run-now#2");
    }

    @Test
    void aDryRunStartsTheExperimentWithSkipAll() {
        FisChanges dry = changes(true);
        Experiment experiment = dry.startExperiment("Master termination",
                dry.createTemplate("Master termination", TwinStack.waitTemplate("PT1H")));

        assertThat(experiment.experimentOptions().actionsModeAsString()).isEqualTo("skip-all");
        assertThat(journal.pending()).hasSize(2);
    }

    @Test
    void rollbackStopsTheExperimentWaitsForItThenDeletesTheTemplate() {
        String template = changes(false).createTemplate("Master termination", TwinStack.waitTemplate("PT1H"));
        String experiment = changes(false).startExperiment("Master termination", template).id();
        stack.twin.advance(Duration.ofSeconds(5));
        assertThat(stack.experimentStatus(experiment)).isEqualTo("running");

        RollbackReport report = stack.whileTimePasses(() -> new Rollbacks(journal, context)
                .afterScenario("Master termination"));

        assertThat(report.clean()).as(report.verdict().reason()).isTrue();
        assertThat(report.outcomes()).extracting(UndoOutcome::message).containsExactly(
                "stopped FIS experiment " + experiment, "deleted FIS experiment template " + template);
        assertThat(stack.experimentStatus(experiment)).isEqualTo("stopped");
        assertThat(stack.templateIds()).isEmpty();
    }

    @Test
    void undoingWhatNeverGotCreatedIsANoOp() {
        journal.recordPending("S", stack.stack(), "start", new StopExperiments("run-now#9"));
        journal.recordPending("S", stack.stack(), "create", new DeleteExperimentTemplates("run-now#8"));

        RollbackReport report = new Rollbacks(journal, context).afterScenario("S");

        assertThat(report.clean()).isTrue();
        assertThat(report.outcomes()).extracting(UndoOutcome::message).containsExactly(
                "no FIS experiment template tagged ovha:entry=run-now#8 (never created or deleted)",
                "no FIS experiment tagged ovha:entry=run-now#9 (never started)");
    }

    @Test
    void theSweeperTakesOnlyWhatOtherOvhaRunsLeftOnThisStack() {
        Map<String, String> leftover = Map.of(FisTags.RUN_ID, "run-crashed", FisTags.STACK, stack.stack());
        String orphanTemplate = create("PT1H", leftover);
        String shortTemplate = create("PT1M", leftover);
        String otherStack = create("PT1H", Map.of(FisTags.RUN_ID, "run-crashed", FisTags.STACK, "prod-ov"));
        String foreign = create("PT1H", Map.of("owner", "someone else"));
        String current = create("PT1H", Map.of(FisTags.RUN_ID, "run-now", FisTags.STACK, stack.stack()));
        String completed = start(shortTemplate, leftover);
        String running = start(orphanTemplate, leftover);
        String foreignRunning = start(foreign, Map.of());
        stack.twin.advance(Duration.ofMinutes(2));
        assertThat(stack.experimentStatus(completed)).isEqualTo("completed");

        List<String> lines = stack.whileTimePasses(() -> new FisSweeper(context).sweep(stack.stack(), "run-now"));

        assertThat(lines).containsExactlyInAnyOrder("stopped FIS experiment " + running + " left by run run-crashed",
                "deleted FIS experiment template " + orphanTemplate + " left by run run-crashed",
                "deleted FIS experiment template " + shortTemplate + " left by run run-crashed");
        assertThat(stack.experimentStatus(running)).isEqualTo("stopped");
        assertThat(stack.experimentStatus(completed)).isEqualTo("completed");
        assertThat(stack.experimentStatus(foreignRunning)).isEqualTo("running");
        assertThat(stack.templateIds()).containsExactlyInAnyOrder(otherStack, foreign, current);
    }

    private String create(String duration, Map<String, String> tags) {
        return stack.aws.fis().createExperimentTemplate(waitTemplate(duration, tags)).experimentTemplate().id();
    }

    private String start(String template, Map<String, String> tags) {
        return stack.aws.fis().startExperiment(r -> r.experimentTemplateId(template).tags(tags)).experiment().id();
    }
}
