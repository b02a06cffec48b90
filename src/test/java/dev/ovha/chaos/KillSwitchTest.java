package dev.ovha.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ovha.twin.TwinEndpoints;
import dev.ovha.twin.TwinOptions;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run in a child JVM changes the twin (in this JVM) and is then stopped: with SIGTERM its kill switch puts
 * the change back before exiting; with kill -9 nothing runs, the journal keeps the change, and
 * {@code scripts/cleanup}'s main, in another child JVM configured like the suite, puts it back.
 */
class KillSwitchTest {
    @TempDir
    Path dir;
    @AutoClose
    private final TwinStack stack = new TwinStack(TwinOptions.deterministic());
    private Process child;

    @AfterEach
    void stopChild() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Path journal() {
        return dir.resolve("reports/undo-journal.jsonl");
    }

    private Process runChild(Path stdout) throws Exception {
        TwinEndpoints e = stack.twin.endpoints();
        return new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), KillSwitchChild.class.getName(),
                e.awsEndpoint().toString(), e.region(), e.accessKeyId(), e.secretAccessKey(), journal().toString(),
                stack.stack(), stack.mediaGroup(), "3")
                .redirectOutput(stdout.toFile()).redirectError(dir.resolve("child-stderr.txt").toFile()).start();
    }

    private void awaitChange(Path stdout) {
        await("the child run's change is made").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> Files.exists(stdout) && Files.readString(stdout).contains("CHANGED"));
        assertThat(stack.desired(stack.mediaGroup())).isEqualTo(3);
    }

    private List<PendingUndo> pending() {
        try (UndoJournal reader = UndoJournal.open(journal(), new RunId("reader"), new SecretScreen())) {
            return reader.pending();
        }
    }

    @Test
    void sigtermPlaysTheRollbacksBeforeTheJvmExits() throws Exception {
        Path stdout = dir.resolve("child-stdout.txt");
        child = runChild(stdout);
        awaitChange(stdout);

        child.destroy();

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child exits after SIGTERM").isTrue();
        String out = Files.readString(stdout);
        assertThat(out).contains("stop requested: false", "ovha: interrupted; stopping experiments and playing rollbacks",
                "ovha: undone   desired capacity of " + stack.mediaGroup() + " set back from 3 to 2", "undone");
        assertThat(out).containsPattern("ovha: every change of run ovha-\\S+ undone");
        assertThat(stack.desired(stack.mediaGroup())).isEqualTo(2);
        assertThat(pending()).isEmpty();
    }

    @Test
    void afterKillMinus9ScriptsCleanupPutsTheStackBack() throws Exception {
        Path stdout = dir.resolve("child-stdout.txt");
        child = runChild(stdout);
        awaitChange(stdout);

        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(stdout)).doesNotContain("ovha: interrupted");
        assertThat(stack.desired(stack.mediaGroup())).isEqualTo(3);
        assertThat(pending()).hasSize(1);

        Path cleanupOut = dir.resolve("cleanup-stdout.txt");
        Process cleanup = cleanupProcess(cleanupOut);
        assertThat(cleanup.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(cleanupOut);
        assertThat(cleanup.exitValue()).as(printed + Files.readString(dir.resolve("cleanup-stderr.txt"))).isZero();
        assertThat(printed).contains("scripts/cleanup: stack ovha-twin, journal " + journal(),
                "  undone   desired capacity of " + stack.mediaGroup() + " set back from 3 to 2   [Long fault, ovha-",
                "scripts/cleanup: stack ovha-twin is back as ovha found it");
        assertThat(printed).doesNotContain(stack.twin.endpoints().secret());
        assertThat(stack.desired(stack.mediaGroup())).isEqualTo(2);
        assertThat(pending()).isEmpty();
    }

    /** {@code scripts/cleanup} as a person would point it at {@code scripts/twin}: -D flags, dummy keys in env. */
    private Process cleanupProcess(Path stdout) throws Exception {
        TwinEndpoints e = stack.twin.endpoints();
        Path ca = Files.writeString(dir.resolve("twin-ca.pem"), e.caPem());
        List<String> command = new ArrayList<>(List.of(java(),
                "-Dovha.target=aws", "-Dovha.stack=" + stack.stack(), "-Dovha.region=" + e.region(),
                "-Dovha.aws.endpoint=" + e.awsEndpoint(), "-Dovha.openvidu.url=" + e.openviduUrl(),
                "-Dovha.tls.ca=" + ca, "-Dovha.chaos.journal=" + journal(),
                "-cp", System.getProperty("java.class.path"), CleanupMain.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(dir.resolve("cleanup-stderr.txt").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("OVHA_") || name.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", e.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", e.secretAccessKey());
        env.put("OVHA_OPENVIDU_SECRET", e.secret());
        return builder.start();
    }

    @Test
    void pullingTheSwitchInProcessRaisesTheFlagAndRefusesNewChanges() {
        try (UndoJournal journal = stack.journal(journal(), "run-1")) {
            Rollbacks rollbacks = new Rollbacks(journal, stack.context(Duration.ofSeconds(5)));
            StackChanges changes = new StackChanges(TwinStack.twinGuard(false), stack.facts(), journal, stack.aws,
                    stack::openvidu, stack.screen);
            changes.setDesiredCapacity("Long fault", stack.masterGroup(), 3);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            KillSwitch killSwitch = KillSwitch.install(rollbacks, Duration.ofSeconds(10),
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                assertThat(killSwitch.stopRequested()).isFalse();

                RollbackReport report = killSwitch.pull();

                assertThat(killSwitch.stopRequested()).isTrue();
                assertThatThrownBy(killSwitch::throwIfStopped).isInstanceOf(ChaosRefused.class);
                assertThat(report.clean()).isTrue();
                assertThat(stack.desired(stack.masterGroup())).isEqualTo(2);
                assertThatThrownBy(() -> changes.setDesiredCapacity("Long fault", stack.masterGroup(), 3))
                        .isInstanceOf(ChaosRefused.class).hasMessageStartingWith("refused: the run is stopping");
                assertThat(stack.desired(stack.masterGroup())).isEqualTo(2);
                assertThat(printed.toString(StandardCharsets.UTF_8)).contains("every change of run run-1 undone");
            } finally {
                killSwitch.close();
            }
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
