package dev.ovha.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.ovha.twin.TwinOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run makes every kind of change and "dies" (its journal object is abandoned: no rollback, no close);
 * the next run's start replays what is left and sweeps FIS (the twin's own), and the twin is back as it was.
 */
class CrashReplayTest {
    @TempDir
    Path dir;
    @AutoClose
    private final TwinStack stack = new TwinStack(TwinOptions.deterministic());

    private JsonNode servedConfig() {
        return new OpenViduAdmin(stack.openvidu()).config();
    }

    @Test
    void theNextRunPutsBackWhatAKilledRunLeft() throws Exception {
        Path file = dir.resolve("reports/undo-journal.jsonl");
        String envBefore = stack.dotEnv();
        int mastersBefore = stack.desired(stack.masterGroup());
        int mediaBefore = stack.desired(stack.mediaGroup());
        JsonNode garbageBefore = servedConfig().get("OPENVIDU_SESSIONS_GARBAGE_INTERVAL");

        UndoJournal killed = stack.journal(file, "run-killed");
        StackChanges changes = new StackChanges(TwinStack.twinGuard(false), stack.facts(), killed, stack.aws,
                stack::openvidu, stack.screen);
        // The master group: the media group's low-CPU alarm would scale an extra media node in by itself.
        changes.setDesiredCapacity("Events reach the masters", stack.masterGroup(), 3);
        changes.editDotEnv("Editing the .env", stack.bucket(),
                Map.of("OPENVIDU_CDR", "true", "OPENVIDU_PRO_NETWORK_QUALITY_INTERVAL", "7"));
        changes.changeConfiguration("Restart with a property", stack.bucket(),
                Map.of("OPENVIDU_SESSIONS_GARBAGE_INTERVAL", IntNode.valueOf(120)));
        FisChanges fis = new FisChanges(TwinStack.twinGuard(false), stack.facts(), killed, stack.aws.fis());
        String template = fis.createTemplate("Master termination", TwinStack.waitTemplate("PT1H"));
        String experiment = fis.startExperiment("Master termination", template).id();
        // Let the masters pick the changes up (auto-restart, the /restart), as time would on AWS.
        stack.twin.advance(Duration.ofSeconds(90));
        assertThat(stack.desired(stack.masterGroup())).isEqualTo(3);
        assertThat(stack.dotEnv()).contains("OPENVIDU_CDR=true", "OPENVIDU_SESSIONS_GARBAGE_INTERVAL=120",
                "OPENVIDU_PRO_NETWORK_QUALITY_INTERVAL=7");
        assertThat(servedConfig().get("OPENVIDU_SESSIONS_GARBAGE_INTERVAL").asInt()).isEqualTo(120);
        assertThat(stack.experimentStatus(experiment)).isEqualTo("running");
        // kill -9: the journal object is simply abandoned.

        try (UndoJournal next = stack.journal(file, "run-next")) {
            UndoContext context = stack.context(Duration.ofSeconds(10));
            CleanupReport report = stack.whileTimePasses(() -> new Cleanup(new Rollbacks(next, context),
                    new FisSweeper(context)).run(stack.stack()));
            stack.twin.advance(Duration.ofSeconds(90));

            assertThat(report.clean()).as(String.join("\n", report.lines())).isTrue();
            assertThat(report.lines()).hasSize(6);
            assertThat(report.lines().get(0)).startsWith("undone   stopped FIS experiment " + experiment);
            assertThat(report.lines().get(1)).startsWith("undone   deleted FIS experiment template " + template);
            assertThat(report.lines().get(2)).startsWith("undone   OpenVidu configuration"
                    + " OPENVIDU_SESSIONS_GARBAGE_INTERVAL restored");
            assertThat(report.lines().get(5)).startsWith("undone   desired capacity of " + stack.masterGroup()
                    + " set back from 3 to 2");
            assertThat(next.pending()).isEmpty();
        }
        assertThat(stack.desired(stack.masterGroup())).isEqualTo(mastersBefore);
        assertThat(stack.desired(stack.mediaGroup())).isEqualTo(mediaBefore);
        assertThat(stack.dotEnv()).isEqualTo(envBefore);
        assertThat(servedConfig().get("OPENVIDU_SESSIONS_GARBAGE_INTERVAL")).isEqualTo(garbageBefore);
        assertThat(stack.experimentStatus(experiment)).isEqualTo("stopped");
        assertThat(stack.templateIds()).isEmpty();
        assertThat(UndoJournalTest.text(file)).doesNotContain(stack.twin.endpoints().secret(), "twin-es-password");
    }

    @Test
    void replayingTwiceDoesNoHarm() {
        Path file = dir.resolve("undo-journal.jsonl");
        UndoJournal killed = stack.journal(file, "run-killed");
        new StackChanges(TwinStack.twinGuard(false), stack.facts(), killed, stack.aws, stack::openvidu, stack.screen)
                .setDesiredCapacity("S", stack.mediaGroup(), 3);
        // The crash happened after the journal line but before the change took effect elsewhere: someone
        // already put it back by hand. The replay notices and says so.
        stack.aws.autoScaling().setDesiredCapacity(r -> r.autoScalingGroupName(stack.mediaGroup()).desiredCapacity(2));

        try (UndoJournal next = stack.journal(file, "run-next")) {
            UndoContext context = stack.context(Duration.ofSeconds(5));
            CleanupReport report = new Cleanup(new Rollbacks(next, context), new FisSweeper(context)).run(stack.stack());
            assertThat(report.lines()).containsExactly("undone   desired capacity of " + stack.mediaGroup()
                    + " already 2   [S, run-killed#1]");
            CleanupReport again = new Cleanup(new Rollbacks(next, context), new FisSweeper(context)).run(stack.stack());
            assertThat(again.lines()).containsExactly("nothing to undo for stack ovha-twin");
        }
    }

    @Test
    void entriesForAnotherStackAreLeftForACleanupPointedAtIt() {
        Path file = dir.resolve("undo-journal.jsonl");
        try (UndoJournal other = stack.journal(file, "run-other")) {
            other.recordPending("S", "prod-like-stack", "set desired capacity of x from 1 to 2",
                    new RestoreCapacity("x", 1, null, null));
        }
        try (UndoJournal next = stack.journal(file, "run-next")) {
            UndoContext context = stack.context(Duration.ofSeconds(5));
            CleanupReport report = new Cleanup(new Rollbacks(next, context), new FisSweeper(context)).run(stack.stack());

            assertThat(report.clean()).isTrue();
            assertThat(report.lines()).containsExactly(
                    "left     set desired capacity of x from 1 to 2 on stack prod-like-stack [run-other#1]",
                    "nothing to undo for stack ovha-twin");
            assertThat(next.pending()).hasSize(1);
        }
    }
}
