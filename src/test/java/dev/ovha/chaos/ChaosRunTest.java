package dev.ovha.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ovha.config.HarnessConfig;
import dev.ovha.twin.TwinOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos layer as a suite run wires it: the start of the run puts back what a killed run left and says so;
 * when it cannot, the run refuses to pile new changes on; a scenario's rollbacks undo its own changes only.
 */
class ChaosRunTest {
    @TempDir
    Path dir;
    @AutoClose
    private final TwinStack stack = new TwinStack(TwinOptions.deterministic());
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private ChaosRun open() {
        return open(false);
    }

    private ChaosRun open(boolean stackStartedByThisRun) {
        Properties properties = new Properties();
        properties.setProperty("ovha.chaos.journal", dir.resolve("undo-journal.jsonl").toString());
        properties.setProperty("ovha.chaos.undoTimeout", "5");
        HarnessConfig config = HarnessConfig.resolve(Map.of(), properties, dir);
        return ChaosRun.open(config, stack.aws, stack::openvidu, dir, stackStartedByThisRun);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theStartOfARunPutsBackWhatAKilledRunLeftAndSaysSo() {
        UndoJournal killed = stack.journal(dir.resolve("undo-journal.jsonl"), "run-killed");
        new StackChanges(TwinStack.twinGuard(false), stack.facts(), killed, stack.aws, stack::openvidu, stack.screen)
                .setDesiredCapacity("Killed mid-scenario", stack.masterGroup(), 3);
        assertThat(stack.desired(stack.masterGroup())).isEqualTo(3);

        try (ChaosRun run = open()) {
            CleanupReport report = run.startOfRun(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(report.clean()).isTrue();
            assertThat(stack.desired(stack.masterGroup())).isEqualTo(2);
            assertThat(printed()).contains("ovha: putting back what earlier runs left on stack ovha-twin",
                    "undone   desired capacity of " + stack.masterGroup() + " set back from 3 to 2   [Killed mid-scenario,"
                            + " run-killed#1]");
            run.requireMutating();
            run.requireDisruptive();
            assertThat(run.endOfRun().outcomes()).isEmpty();
        }
    }

    /**
     * A run that changed another stack of the same name (deleted since and created again) left entries whose
     * groups are gone: they are retired, not played, so they neither fail nor refuse this run's changes.
     */
    @Test
    void entriesOfAnEarlierStackOfTheSameNameAreRetiredNotPlayed() {
        String earlierId = "arn:aws:cloudformation:eu-west-1:123456789012:stack/ovha-twin/00000000-dead-4000-8000-000000000000";
        try (UndoJournal earlier = stack.journal(dir.resolve("undo-journal.jsonl"), "run-earlier")) {
            earlier.recordStack(stack.stack(), earlierId);
            earlier.recordPending("Killed", stack.stack(), "set desired capacity of a group of the deleted stack",
                    new RestoreCapacity("ovha-twin-ASGMediaNode-OLD", 1, null, null));
        }
        try (ChaosRun run = open()) {
            CleanupReport report = run.startOfRun(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(report.clean()).as(String.join("\n", report.lines())).isTrue();
            assertThat(printed()).contains("ovha:   retired  set desired capacity of a group of the deleted stack"
                    + " [Killed, run-earlier#1]: made on stack " + earlierId + ", which was replaced by "
                    + run.stack().id());
            assertThat(run.journal().pending()).isEmpty();
            run.requireMutating();
            run.requireDisruptive();
            run.endOfRun();
        }
    }

    /** The run's own stack recorded once, before its first change; its entries are played as before. */
    @Test
    void aRunRecordsItsStacksIdAndTheNextRunPlaysItsEntries() {
        try (ChaosRun killed = open()) {
            killed.startOfRun(new PrintStream(printed, true, StandardCharsets.UTF_8));
            killed.stackChanges().setDesiredCapacity("Killed mid-scenario", stack.masterGroup(), 3);
            assertThat(killed.journal().read().stackIdOf(killed.journal().runId().value()))
                    .hasValue(killed.stack().id());
            // kill -9: the run ends without its rollbacks.
        }
        assertThat(stack.desired(stack.masterGroup())).isEqualTo(3);
        try (ChaosRun next = open()) {
            CleanupReport report = next.startOfRun(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(report.retired()).isEmpty();
            assertThat(report.clean()).isTrue();
            assertThat(stack.desired(stack.masterGroup())).isEqualTo(2);
            next.endOfRun();
        }
    }

    /** What an earlier embedded twin was left with is not played on the new twin a run started itself. */
    @Test
    void aRunThatStartedItsOwnTwinPlaysNothingAnEarlierTwinWasLeftWith() {
        try (UndoJournal earlier = stack.journal(dir.resolve("undo-journal.jsonl"), "run-earlier")) {
            earlier.recordPending("Failed rollback", stack.stack(), "set desired capacity of " + stack.masterGroup(),
                    new RestoreCapacity(stack.masterGroup(), 3, null, null));
        }
        try (ChaosRun run = open(true)) {
            CleanupReport report = run.startOfRun(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(report.clean()).isTrue();
            assertThat(stack.desired(stack.masterGroup())).as("the new twin is left as it started").isEqualTo(2);
            assertThat(printed()).startsWith("ovha: 1 change(s) left in " + dir.resolve("undo-journal.jsonl")
                    + " by earlier runs were made on an embedded twin that ended with its run;");
            assertThat(run.journal().pending()).isEmpty();
            run.requireMutating();
            run.requireDisruptive();
            run.endOfRun();
        }
    }

    @Test
    void aCleanStartSaysNothing() {
        try (ChaosRun run = open()) {
            run.startOfRun(new PrintStream(printed, true, StandardCharsets.UTF_8));
            run.endOfRun();
        }
        assertThat(printed()).isEmpty();
    }

    @Test
    void whatTheStartCouldNotUndoRefusesEveryChangeOfTheRun() {
        try (UndoJournal killed = stack.journal(dir.resolve("undo-journal.jsonl"), "run-killed")) {
            killed.recordPending("Killed", stack.stack(), "set desired capacity of a deleted group",
                    new RestoreCapacity("deleted-group", 1, null, null));
        }
        try (ChaosRun run = open()) {
            CleanupReport report = run.startOfRun(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(report.clean()).isFalse();
            assertThatThrownBy(run::requireMutating).isInstanceOf(ChaosRefused.class)
                    .hasMessageStartingWith("refused: changes of an earlier run could not be undone at the start of"
                            + " this run (rollback incomplete: 1 of 1 change(s) not undone")
                    .hasMessageEndingWith("; run scripts/cleanup first");
            assertThatThrownBy(run::requireDisruptive).isInstanceOf(ChaosRefused.class);
            run.endOfRun();
        }
    }

    @Test
    void aScenarioRollsBackItsOwnChangesOnly() {
        try (ChaosRun run = open()) {
            run.startOfRun(new PrintStream(printed, true, StandardCharsets.UTF_8));
            run.stackChanges().setDesiredCapacity("First", stack.masterGroup(), 3);
            run.stackChanges().editDotEnv("Second", stack.bucket(), Map.of("OPENVIDU_CDR", "true"));
            RollbackReport first = run.afterScenario("First");
            assertThat(first.outcomes()).singleElement().satisfies(o -> assertThat(o.line()).contains("set back from 3 to 2"));
            assertThat(stack.dotEnv()).contains("OPENVIDU_CDR=true");
            RollbackReport rest = run.endOfRun();
            assertThat(rest.clean()).isTrue();
            assertThat(stack.dotEnv()).contains("OPENVIDU_CDR=false");
        }
    }
}
