package dev.ovha.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.config.HarnessConfig;
import dev.ovha.twin.TwinOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/cleanup's main in this JVM: bad input is one line and exit 2; a failed undo is exit 1. */
class CleanupMainTest {
    @TempDir
    Path cwd;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, TwinStack stack) {
        HarnessConfig config = HarnessConfig.resolve(env, new Properties(), cwd);
        return CleanupMain.run(config, cwd, stack == null ? null : stack.target(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theEmbeddedTwinHasNothingToCleanAndSaysWhatToSetInstead() {
        assertThat(run(Map.of(), null)).isEqualTo(2);
        assertThat(err().lines()).singleElement().asString().startsWith("scripts/cleanup: ovha.target is twin")
                .contains("-Dovha.target=aws -Dovha.stack=<stack>");
        assertThat(Files.exists(cwd.resolve("reports"))).as("nothing created").isFalse();
    }

    @Test
    void aBadChaosSettingIsOneLineAndChangesNothing() {
        assertThat(run(Map.of("OVHA_TARGET", "aws", "OVHA_STACK", "s", "OVHA_CHAOS_UNDO_TIMEOUT", "0"), null)).isEqualTo(2);
        assertThat(err().lines()).containsExactly("scripts/cleanup: ovha.chaos.undoTimeout = '0' (from env"
                + " OVHA_CHAOS_UNDO_TIMEOUT): expected a whole number from 1 to 3600");
    }

    @Test
    void anUndoThatCannotBeDoneExitsOneAndKeepsTheEntry() throws Exception {
        try (TwinStack stack = new TwinStack(TwinOptions.deterministic())) {
            Path journalFile = cwd.resolve("reports/undo-journal.jsonl");
            try (UndoJournal journal = stack.journal(journalFile, "run-old")) {
                journal.recordPending("S", stack.stack(), "restart with a property",
                        new RestoreConfig(Map.of("OPENVIDU_CDR", com.fasterxml.jackson.databind.node.BooleanNode.TRUE)));
            }
            // No OpenVidu secret configured: the configuration cannot be restored, and cleanup says which key to set.
            int status = run(Map.of("OVHA_TARGET", "aws", "OVHA_STACK", stack.stack(),
                    "OVHA_AWS_ENDPOINT", stack.twin.endpoints().awsEndpoint().toString()), stack);

            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(status).as(printed + err()).isEqualTo(1);
            assertThat(printed).contains("FAILED   restore OpenVidu configuration OPENVIDU_CDR with POST"
                    + " /openvidu/api/restart failed: IllegalStateException: the OpenVidu API needs the OpenVidu secret:"
                    + " set OVHA_OPENVIDU_SECRET", "scripts/cleanup: some changes could not be undone; they stay in");
            try (UndoJournal journal = stack.journal(journalFile, "reader")) {
                assertThat(journal.pending()).hasSize(1);
            }
        }
    }

    /** The stack the entries were made on was deleted: nothing to undo there, and the entries stop blocking runs. */
    @Test
    void entriesOfADeletedStackAreRetired() throws Exception {
        try (TwinStack stack = new TwinStack(TwinOptions.deterministic())) {
            Path journalFile = cwd.resolve("reports/undo-journal.jsonl");
            String deletedId = "arn:aws:cloudformation:eu-west-1:123456789012:stack/game-day-old/1b2c3d4e-0000-4000-8000-000000000000";
            try (UndoJournal journal = stack.journal(journalFile, "run-old")) {
                journal.recordStack("game-day-old", deletedId);
                journal.recordPending("S", "game-day-old", "set desired capacity of game-day-old-ASGMediaNode to 3",
                        new RestoreCapacity("game-day-old-ASGMediaNode", 2, null, null));
            }
            int status = run(Map.of("OVHA_TARGET", "aws", "OVHA_STACK", "game-day-old",
                    "OVHA_AWS_ENDPOINT", stack.twin.endpoints().awsEndpoint().toString()), stack);

            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(status).as(printed + err()).isZero();
            assertThat(printed).contains("retired  set desired capacity of game-day-old-ASGMediaNode to 3 [S, run-old#1]:"
                    + " made on stack " + deletedId + ", which no longer exists");
            try (UndoJournal journal = stack.journal(journalFile, "reader")) {
                assertThat(journal.pending()).isEmpty();
            }
        }
    }
}
