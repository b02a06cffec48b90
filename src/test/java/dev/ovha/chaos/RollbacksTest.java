package dev.ovha.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.ovha.config.Target;
import dev.ovha.report.Verdict;
import dev.ovha.twin.TwinOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollbacks against a deterministic twin: reverse order, failure isolation, per scenario, dry run. */
class RollbacksTest {
    @TempDir
    Path dir;
    private TwinStack stack;
    private UndoJournal journal;
    private Rollbacks rollbacks;

    @BeforeEach
    void start() {
        stack = new TwinStack(TwinOptions.deterministic());
        journal = stack.journal(dir.resolve("undo-journal.jsonl"), "run-1");
        rollbacks = new Rollbacks(journal, stack.context(Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        journal.close();
        stack.close();
    }

    private StackChanges changes(boolean dryRun) {
        return new StackChanges(TwinStack.twinGuard(dryRun), stack.facts(), journal, stack.aws, stack::openvidu,
                stack.screen);
    }

    @Test
    void rollbacksRunNewestFirstSoTheFirstValueComesBack() {
        String media = stack.mediaGroup();
        int maxBefore = stack.twin.inWorld(w -> w.mediaGroup().maxSize());
        StackChanges changes = changes(false);
        changes.setDesiredCapacity("Scale out", media, 3);
        changes.setDesiredCapacity("Scale out", media, 4);
        changes.setDesiredCapacity("Scale out", media, maxBefore + 1);
        assertThat(stack.desired(media)).isEqualTo(maxBefore + 1);
        assertThat((int) stack.twin.inWorld(w -> w.mediaGroup().maxSize())).isEqualTo(maxBefore + 1);

        RollbackReport report = rollbacks.afterScenario("Scale out");

        assertThat(report.verdict()).isEqualTo(ChaosVerdict.passed());
        assertThat(report.outcomes()).extracting(UndoOutcome::message).containsExactly(
                "desired capacity of " + media + " set back from " + (maxBefore + 1) + " to 4 (max " + maxBefore + ")",
                "desired capacity of " + media + " set back from 4 to 3",
                "desired capacity of " + media + " set back from 3 to 2");
        assertThat(stack.desired(media)).isEqualTo(2);
        assertThat((int) stack.twin.inWorld(w -> w.mediaGroup().maxSize())).isEqualTo(maxBefore);
        assertThat(journal.pending()).isEmpty();
    }

    /**
     * A scenario that failed while the masters restarted leaves them answering 502 through the load balancer
     * for a while: the undo asks again until they are up, instead of failing and leaving the change behind.
     */
    @Test
    void anUndoWaitsForRestartingMastersToAnswer() {
        StackChanges changes = changes(false);
        JsonNode before = new OpenViduAdmin(stack.openvidu()).config().get("OPENVIDU_SESSIONS_GARBAGE_INTERVAL");
        changes.changeConfiguration("Restart with a property", stack.bucket(),
                Map.of("OPENVIDU_SESSIONS_GARBAGE_INTERVAL", IntNode.valueOf(120)));
        stack.twin.advance(Duration.ofSeconds(60));
        new OpenViduAdmin(stack.openvidu()).restart(Map.of());
        assertThatThrownBy(() -> new OpenViduAdmin(stack.openvidu()).config())
                .hasMessageContaining("expected 200, got 502");

        RollbackReport report = stack.whileTimePasses(() -> rollbacks.afterScenario("Restart with a property"));
        stack.twin.advance(Duration.ofSeconds(60));

        assertThat(report.verdict()).as(report.outcomes().toString()).isEqualTo(ChaosVerdict.passed());
        assertThat(new OpenViduAdmin(stack.openvidu()).config().get("OPENVIDU_SESSIONS_GARBAGE_INTERVAL"))
                .isEqualTo(before);
        assertThat(journal.pending()).isEmpty();
    }

    @Test
    void aFailingUndoIsReportedBrokenAndTheOthersStillRun() {
        StackChanges changes = changes(false);
        changes.setDesiredCapacity("Game day", stack.mediaGroup(), 3);
        // As if a change had been made to a group that has since disappeared.
        journal.recordPending("Game day", stack.stack(), "set desired capacity of gone-group from 1 to 2",
                new RestoreCapacity("gone-group", 1, null, null));
        changes.setDesiredCapacity("Game day", stack.masterGroup(), 3);

        RollbackReport report = rollbacks.afterScenario("Game day");

        assertThat(stack.desired(stack.masterGroup())).isEqualTo(2);
        assertThat(stack.desired(stack.mediaGroup())).isEqualTo(2);
        assertThat(report.outcomes()).extracting(UndoOutcome::undone).containsExactly(true, false, true);
        assertThat(report.verdict().kind()).isEqualTo(Verdict.BROKEN);
        assertThat(report.verdict().reason()).startsWith("rollback incomplete: 1 of 3 change(s) not undone"
                + " (set desired capacity of gone-group back to 1: ").contains("gone-group not found")
                .endsWith("they stay in the undo journal for scripts/cleanup").doesNotContain("\n");
        assertThat(journal.pending()).extracting(e -> e.undo().describe())
                .containsExactly("set desired capacity of gone-group back to 1");
        assertThat(journal.read().done()).isEqualTo(2);
    }

    @Test
    void aScenarioRollsBackOnlyItsOwnChanges() {
        StackChanges changes = changes(false);
        changes.setDesiredCapacity("A", stack.mediaGroup(), 3);
        changes.setDesiredCapacity("B", stack.masterGroup(), 3);

        rollbacks.afterScenario("B");

        assertThat(stack.desired(stack.masterGroup())).isEqualTo(2);
        assertThat(stack.desired(stack.mediaGroup())).isEqualTo(3);
        assertThat(journal.pending()).extracting(PendingUndo::scenario).containsExactly("A");
    }

    @Test
    void aDryRunRecordsThePlanAndTouchesNothing() {
        String before = stack.dotEnv();
        long requests = stack.twin.awsRequestCount();
        long seen = stack.twin.events().all().size();
        StackChanges changes = changes(true);

        ChangeRecord capacity = changes.setDesiredCapacity("Dry", stack.mediaGroup(), 3);
        ChangeRecord env = changes.editDotEnv("Dry", stack.bucket(), Map.of("OPENVIDU_CDR", "true"));

        assertThat(capacity.made()).isFalse();
        assertThat(env.made()).isFalse();
        assertThat(stack.desired(stack.mediaGroup())).isEqualTo(2);
        assertThat(stack.dotEnv()).isEqualTo(before);
        // Reads happened (to plan the undo); no write did.
        assertThat(stack.twin.events().since(seen)).noneMatch(e -> e.type().equals("asg.desired") || e.type().equals("s3.put"));
        assertThat(stack.twin.awsRequestCount()).isGreaterThan(requests);
        assertThat(journal.pending()).isEmpty();
        assertThat(journal.read().planned()).isEqualTo(2);
    }

    @Test
    void onAwsWithoutTheFlagNoChangeObjectCanEvenBeBuilt() {
        ChaosGuard aws = new ChaosGuard(ChaosSettingsFixtures.resolve(
                Map.of("OVHA_TARGET", "aws", "OVHA_STACK", stack.stack()), new Properties()), Target.AWS);

        assertThatThrownBy(() -> new StackChanges(aws, stack.facts(), journal, stack.aws, stack::openvidu, stack.screen))
                .isInstanceOf(ChaosRefused.class).hasMessageContaining("set -Dovha.allow=ovha-twin");
        assertThatThrownBy(() -> new FisChanges(aws, stack.facts(), journal, stack.aws.fis()))
                .isInstanceOf(ChaosRefused.class).hasMessageContaining("set -Dovha.chaos.allow=ovha-twin");
        assertThat(journal.read().pending()).isEmpty();
    }

    @Test
    void secretKeysCannotBeChangedAndNoSecretReachesTheJournal() throws Exception {
        StackChanges changes = changes(false);

        assertThatThrownBy(() -> changes.editDotEnv("S", stack.bucket(), Map.of("OPENVIDU_SECRET", "other")))
                .isInstanceOf(ChaosRefused.class).hasMessageStartingWith("refused: OPENVIDU_SECRET looks like a secret");
        changes.editDotEnv("S", stack.bucket(), Map.of("OPENVIDU_CDR", "true"));
        rollbacks.afterScenario("S");

        assertThat(UndoJournalTest.text(journal.file())).contains("OPENVIDU_CDR")
                .doesNotContain(stack.twin.endpoints().secret(), "twin-es-password", "twin-license");
    }
}
