package dev.ovha.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ovha.report.SecretKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UndoJournalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RestoreCapacity UNDO = new RestoreCapacity("ov-ASGMediaNode", 2, null, 4);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("reports/undo-journal.jsonl");
    }

    private List<JsonNode> lines() throws Exception {
        return Files.readAllLines(file()).stream().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }).toList();
    }

    @Test
    void aChangeIsOnDiskBeforeItIsMadeAndMarkedDoneAfterItsUndo() throws Exception {
        SecretScreen screen = new SecretScreen();
        try (UndoJournal journal = UndoJournal.open(file(), new RunId("run-1"), screen)) {
            PendingUndo entry = journal.change("Scale out", "ov", "set desired capacity of ov-ASGMediaNode from 2 to 5",
                    UNDO, made -> {
                        // Inside the change: the journal on disk already holds it, pending.
                        List<JsonNode> written = uncheck(this::lines);
                        assertThat(written).hasSize(1);
                        assertThat(written.get(0).path("type").asText()).isEqualTo("pending");
                        assertThat(written.get(0).path("id").asText()).isEqualTo(made.id());
                        return made;
                    });
            assertThat(journal.pending()).containsExactly(entry);

            journal.markDone(entry, "desired capacity of ov-ASGMediaNode set back from 5 to 2");
            assertThat(journal.pending()).isEmpty();
        }
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        JsonNode pending = lines.get(0);
        assertThat(pending.path("id").asText()).isEqualTo("run-1#1");
        assertThat(pending.path("runId").asText()).isEqualTo("run-1");
        assertThat(pending.path("scenario").asText()).isEqualTo("Scale out");
        assertThat(pending.path("stack").asText()).isEqualTo("ov");
        assertThat(pending.path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(pending.path("undo").toString())
                .isEqualTo("{\"kind\":\"restore-capacity\",\"group\":\"ov-ASGMediaNode\",\"desired\":2,\"max\":4}");
        assertThat(lines.get(1).path("type").asText()).isEqualTo("done");
        assertThat(lines.get(1).path("id").asText()).isEqualTo("run-1#1");
        assertThat(lines.get(1).path("result").asText()).contains("set back from 5 to 2");
    }

    @Test
    void aChangeThatThrowsStaysPendingBecauseItMayHaveHalfHappened() {
        try (UndoJournal journal = UndoJournal.open(file(), new RunId("run-1"), new SecretScreen())) {
            assertThatThrownBy(() -> journal.change("s", "ov", "change", UNDO, entry -> {
                throw new IllegalStateException("SetDesiredCapacity timed out");
            })).hasMessage("SetDesiredCapacity timed out");

            assertThat(journal.pending()).extracting(PendingUndo::undo).containsExactly(UNDO);
        }
    }

    @Test
    void aNewJournalObjectOnTheSameFileSeesWhatAnAbandonedOneLeft() {
        UndoJournal crashed = UndoJournal.open(file(), new RunId("run-1"), new SecretScreen());
        crashed.change("s", "ov", "first", UNDO, e -> e);
        PendingUndo second = crashed.change("s", "ov", "second", new RestoreCapacity("ov-masters", 2, null, null), e -> e);
        crashed.markDone(second, "done");
        // No close(), no rollback: the process "died" here.

        try (UndoJournal next = UndoJournal.open(file(), new RunId("run-2"), new SecretScreen())) {
            assertThat(next.pending()).extracting(PendingUndo::change).containsExactly("first");
            assertThat(next.pending(e -> e.runId().equals("run-2"))).isEmpty();
            assertThat(next.read().done()).isEqualTo(1);
        }
    }

    @Test
    void aTornLastLineIsReportedAndTheJournalStaysUsable() throws Exception {
        try (UndoJournal journal = UndoJournal.open(file(), new RunId("run-1"), new SecretScreen())) {
            journal.change("s", "ov", "kept", UNDO, e -> e);
        }
        Files.writeString(file(), "{\"type\":\"pending\",\"id\":\"run-1#2\",\"undo\":{\"ki", StandardOpenOption.APPEND);

        try (UndoJournal journal = UndoJournal.open(file(), new RunId("run-2"), new SecretScreen())) {
            journal.change("s", "ov", "after the crash", UNDO, e -> e);
            JournalContents contents = journal.read();
            assertThat(contents.pending()).extracting(PendingUndo::change).containsExactly("kept", "after the crash");
            assertThat(contents.unreadable()).containsExactly("line 2");
        }
    }

    @Test
    void aLineThatWouldCarryAKnownSecretIsRefusedAndTheChangeNotMade() throws Exception {
        SecretScreen screen = new SecretScreen();
        screen.add("ovha-twin-secret");
        AtomicBoolean made = new AtomicBoolean();
        try (UndoJournal journal = UndoJournal.open(file(), new RunId("run-1"), screen)) {
            assertThatThrownBy(() -> journal.change("s", "ov", "set OPENVIDU_WEBHOOK_ENDPOINT to https://x/?k=ovha-twin-secret",
                    UNDO, e -> {
                        made.set(true);
                        return e;
                    })).isInstanceOf(IllegalStateException.class)
                    .hasMessage("refused to write undo journal entry run-1#1: it would contain a secret; the change"
                            + " was not made");
        }
        assertThat(made).isFalse();
        assertThat(Files.readString(file())).doesNotContain("ovha-twin-secret");
    }

    @Test
    void secretLookingKeysCannotBeJournalledAtAll() {
        assertThatThrownBy(() -> new RestoreDotEnvKeys("b", ".env", Map.of("ELASTICSEARCH_PASSWORD", "old"), List.of()))
                .isInstanceOf(ChaosRefused.class)
                .hasMessageStartingWith("refused: ELASTICSEARCH_PASSWORD looks like a secret");
        assertThatThrownBy(() -> new RestoreDotEnvKeys("b", ".env", Map.of(), List.of("COTURN_SHARED_SECRET_KEY")))
                .isInstanceOf(ChaosRefused.class);
        assertThatThrownBy(() -> new RestoreConfig(Map.of("OPENVIDU_WEBHOOK_HEADERS", JSON.createArrayNode())))
                .isInstanceOf(ChaosRefused.class);
        assertThat(SecretKeys.looksSecret("OPENVIDU_SECRET")).isTrue();
        assertThat(SecretKeys.looksSecret("OPENVIDU_PRO_LICENSE")).isTrue();
        assertThat(SecretKeys.looksSecret("aws.secretAccessKey")).isTrue();
        assertThat(SecretKeys.looksSecret("OPENVIDU_SESSIONS_GARBAGE_INTERVAL")).isFalse();
        assertThat(SecretKeys.looksSecret("OPENVIDU_RECORDING_PATH")).isFalse();
    }

    @Test
    void afterTheKillSwitchClosesItNoNewChangeIsMade() {
        AtomicBoolean made = new AtomicBoolean();
        try (UndoJournal journal = UndoJournal.open(file(), new RunId("run-1"), new SecretScreen())) {
            assertThat(journal.closeForChanges(Duration.ofSeconds(1))).isTrue();
            assertThatThrownBy(() -> journal.change("s", "ov", "scale out", UNDO, e -> {
                made.set(true);
                return e;
            })).isInstanceOf(ChaosRefused.class).hasMessage("refused: the run is stopping; not made: scale out");
            assertThat(journal.pending()).isEmpty();
        }
        assertThat(made).isFalse();
    }

    @Test
    void dryRunEntriesAreRecordedButNeverReplayed() {
        try (UndoJournal journal = UndoJournal.open(file(), new RunId("run-1"), new SecretScreen())) {
            journal.recordPlanned("s", "ov", "would set desired capacity", UNDO);

            assertThat(journal.pending()).isEmpty();
            assertThat(journal.read().planned()).isEqualTo(1);
        }
    }

    @Test
    void everyUndoKindSurvivesTheRoundTrip() throws Exception {
        List<UndoAction> undos = List.of(UNDO,
                new RestoreDotEnvKeys("bucket-1", ".env", Map.of("OPENVIDU_CDR", "\"false\" "), List.of("OPENVIDU_PRO_NETWORK_QUALITY_INTERVAL")),
                new RestoreConfig(Map.of("OPENVIDU_SESSIONS_GARBAGE_INTERVAL", IntNode.valueOf(900),
                        "OPENVIDU_RECORDING_NOTIFICATION", TextNode.valueOf("publisher_moderator"))),
                new StopExperiments("run-1#3"), new DeleteExperimentTemplates("run-1#2"));
        try (UndoJournal journal = UndoJournal.open(file(), new RunId("run-1"), new SecretScreen())) {
            for (UndoAction undo : undos) {
                journal.change("s", "ov", undo.describe(), undo, e -> e);
            }
            assertThat(journal.pending()).extracting(PendingUndo::undo).containsExactlyElementsOf(undos);
        }
        assertThat(lines()).extracting(l -> l.path("undo").path("kind").asText()).containsExactly("restore-capacity",
                "restore-dotenv-keys", "restore-config", "stop-fis-experiments", "delete-fis-templates");
    }

    @Test
    void runIdsAreSortableAndPlain() {
        RunId id = RunId.generate(java.time.Instant.parse("2026-01-05T09:00:00.750Z"));
        assertThat(id.value()).matches("ovha-20260105T090000Z-[0-9a-f]{6}");
        assertThatThrownBy(() -> new RunId("a b")).isInstanceOf(IllegalArgumentException.class);
    }

    private static <T> T uncheck(java.util.concurrent.Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String text(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
