package dev.ovha.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.state.GroupInstance;
import dev.ovha.twin.state.LifecycleState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two undos the mutating scenarios added: a grown media group (its new member protected from scale-in)
 * goes back to its very members, and an .env edit made while auto-restart goes off ends with the masters
 * restarted on the restored file. Both on the twin's manual clock.
 */
class GroupMembersUndoTest {
    @TempDir
    Path dir;
    @AutoClose
    private final TwinStack stack = new TwinStack(TwinOptions.deterministic());

    private List<String> inService(String group) {
        return stack.twin.inWorld(w -> w.autoScaling().group(group).orElseThrow().instances().stream()
                .filter(i -> i.lifecycleState() == LifecycleState.IN_SERVICE).map(GroupInstance::instanceId).sorted().toList());
    }

    private int min(String group) {
        return stack.twin.inWorld(w -> w.autoScaling().group(group).orElseThrow().minSize());
    }

    @Test
    void aGrownMediaGroupGoesBackToItsMembersAndItsPinnedMinimum() {
        String media = stack.mediaGroup();
        List<String> before = inService(media);
        int minBefore = min(media);
        try (UndoJournal journal = stack.journal(dir.resolve("undo-journal.jsonl"), "run")) {
            StackChanges changes = new StackChanges(TwinStack.twinGuard(false), stack.facts(), journal, stack.aws,
                    stack::openvidu, stack.screen);
            changes.addMember("Grow", media);
            // Several minutes: the idle stack's low-CPU alarm acts every minute and must not undo the growth.
            stack.twin.advance(Duration.ofMinutes(5));
            assertThat(inService(media)).hasSize(before.size() + 1).containsAll(before);
            assertThat(min(media)).isEqualTo(before.size() + 1);

            RollbackReport report = new Rollbacks(journal, stack.context(Duration.ofSeconds(5))).afterScenario("Grow");
            assertThat(report.clean()).as(report.toString()).isTrue();
            assertThat(report.outcomes().get(0).message()).contains("desired capacity set back from 3 to 2",
                    "(protected from scale-in, added by the change)");
            stack.twin.advance(Duration.ofMinutes(2));
            assertThat(inService(media)).isEqualTo(before);
            assertThat(stack.desired(media)).isEqualTo(before.size());
            assertThat(min(media)).isEqualTo(minBefore);

            RollbackReport again = new Rollbacks(journal, stack.context(Duration.ofSeconds(5)))
                    .play(e -> true, stack.context(Duration.ofSeconds(5)));
            assertThat(again.outcomes()).isEmpty();
            assertThat(new RestoreGroupMembers(media, before.size(), minBefore, null, before)
                    .undo(stack.context(Duration.ofSeconds(5)))).endsWith("already at 2 member(s) as before");
        }
    }

    @Test
    void anEditTheMastersWillNotNoticeBeingUndoneEndsWithTheMastersRestartedOnTheRestoredFile() {
        String envBefore = stack.dotEnv();
        try (UndoJournal journal = stack.journal(dir.resolve("undo-journal.jsonl"), "run")) {
            StackChanges changes = new StackChanges(TwinStack.twinGuard(false), stack.facts(), journal, stack.aws,
                    stack::openvidu, stack.screen);
            changes.editDotEnvRestartingOnUndo("Off", stack.bucket(),
                    Map.of("OPENVIDU_ENTERPRISE_S3_CONFIG_AUTORESTART", "false"), "auto-restart was off");
            stack.twin.advance(Duration.ofMinutes(1));
            assertThat(autoRestartOfEveryMaster()).containsOnly(false);

            RollbackReport report = stack.whileTimePasses(() -> new Rollbacks(journal, stack.context(Duration.ofSeconds(5)))
                    .afterScenario("Off"));
            assertThat(report.clean()).as(report.toString()).isTrue();
            assertThat(report.outcomes()).extracting(o -> o.entry().undo().getClass().getSimpleName())
                    .containsExactly("RestoreDotEnvKeys", "RestartMasters");
            stack.twin.advance(Duration.ofMinutes(1));
            assertThat(stack.dotEnv()).isEqualTo(envBefore);
            assertThat(autoRestartOfEveryMaster()).containsOnly(true);
        }
    }

    private List<Boolean> autoRestartOfEveryMaster() {
        return stack.twin.inWorld(w -> w.openVidu().masters().stream()
                .map(m -> m.config().flag("OPENVIDU_ENTERPRISE_S3_CONFIG_AUTORESTART")).toList());
    }
}
