package dev.ovha.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ovha.chaos.JournalContents;
import dev.ovha.chaos.UndoJournal;
import dev.ovha.target.TwinAsLiveStack;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinEndpoints;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.state.World;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run interrupted with SIGTERM leaves the stack as it found it. A twin reached as a live stack
 * ({@code ovha.target=aws}, with the {@code @mutating} opt-in naming it), the suite in a child JVM running one
 * scenario that changes the stack, SIGTERM at a chosen {@link Moment} of that change; then: the child has
 * exited, its output says the kill switch played the rollbacks, the undo journal holds nothing pending, and the
 * twin is back as it was (groups' sizes and in-service members, every S3 object with the {@code .env}, the
 * masters' configuration, no FIS template or experiment left) once it has settled (a terminated member gone, a
 * restart finished).
 *
 * <p>Ctrl-C too, once: SIGINT at the moment the media group is growing, sent with the {@code kill} command (Java
 * itself can only send SIGTERM and SIGKILL). The JVM runs the same shutdown hooks for SIGINT and SIGTERM; what
 * differs is the exit status, 130 instead of 143.
 */
class InterruptedRunTest {
    private static final String GROW = "Launch and terminate events reach every master";
    private static final String DOT_ENV_OFF =
            "With auto-restart off, an edit of the S3 .env changes nothing until the masters restart";
    /** The property that scenario edits once auto-restart is off ({@code ConfigurationChangeSteps}). */
    private static final String EDITED_PROPERTY = "OPENVIDU_SESSIONS_GARBAGE_THRESHOLD";
    /** How the run is interrupted, and the JVM's exit status after it (128 + the signal's number). */
    enum Signal {
        SIGTERM(143), SIGINT(130);

        final int exitStatus;

        Signal(int exitStatus) {
            this.exitStatus = exitStatus;
        }
    }

    @TempDir
    Path workDir;
    private Process child;

    @AfterEach
    void killWhatIsLeft() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** When the signal comes, told from the journal and the twin: what the change has done so far. */
    enum Moment {
        JUST_JOURNALED(GROW, "the growth of the media group is in the journal; it may not be made yet",
                look -> look.pending() >= 1),
        GROWING(GROW, "the media group's desired capacity is raised, its new member not in service yet",
                look -> look.pending() >= 1 && look.mediaDesired() > look.before().mediaDesired()
                        && look.newcomersInService().isEmpty()),
        OBSERVING(GROW, "the new media member is in service; the scenario waits for every master to list it",
                look -> look.pending() >= 1 && !look.newcomersInService().isEmpty()),
        DOT_ENV_EDITED(DOT_ENV_OFF, "auto-restart is off and a property edited in the .env; the scenario watches"
                + " that no master restarts", look -> look.pending() >= 1
                && !look.editedValue().equals(look.before().editedValue()));

        final String scenario;
        final String description;
        final Predicate<Look> reached;

        Moment(String scenario, String description, Predicate<Look> reached) {
            this.scenario = scenario;
            this.description = description;
            this.reached = reached;
        }
    }

    /**
     * What one interrupted run showed, as {@code reports/selftest/interrupted-runs.json} reports it.
     *
     * @param signal           the signal sent
     * @param signalledAfterMs from the child's start to the signal
     * @param exitStatus       the child's exit status (143 after SIGTERM, 130 after SIGINT), -1 when it did not exit
     * @param killSwitchLine   the kill switch's last line ({@code ovha: every change of run … undone} expected)
     * @param undone           journal entries marked done
     * @param pendingAfter     journal entries still pending after the child exited (0 expected)
     * @param leftovers        how the twin still differed from before once settled (none expected)
     */
    record Outcome(Moment moment, Signal signal, String scenario, long signalledAfterMs, int exitStatus, String killSwitchLine,
                   int undone, int pendingAfter, List<String> leftovers) {
    }

    private static final List<Outcome> OUTCOMES = new CopyOnWriteArrayList<>();

    @AfterAll
    static void report() {
        if (!OUTCOMES.isEmpty()) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("runs", OUTCOMES.size());
            report.put("leftovers", OUTCOMES.stream().mapToInt(o -> o.leftovers().size()).sum());
            report.put("pendingAfter", OUTCOMES.stream().mapToInt(Outcome::pendingAfter).sum());
            report.put("details", OUTCOMES);
            SelftestReport.write("interrupted-runs.json", report);
        }
    }

    @ParameterizedTest
    @EnumSource(Moment.class)
    void sigtermPlaysTheRollbacksAndLeavesTheTwinAsItWas(Moment moment) throws Exception {
        interrupt(moment, Signal.SIGTERM);
    }

    /** Ctrl-C in a terminal. */
    @Test
    void sigintPlaysTheRollbacksToo() throws Exception {
        interrupt(Moment.GROWING, Signal.SIGINT);
    }

    private void interrupt(Moment moment, Signal signal) throws Exception {
        try (Twin twin = Twin.start(TwinOptions.defaults())) {
            TwinState before = TwinState.of(twin);
            Look start = Look.of(twin, journal(), null);
            ChildJvm suite = ChildJvm.in(workDir.resolve("suite")).flags(childProperties(twin, moment));
            childEnvironment(twin).forEach(suite::env);
            long started = System.nanoTime();
            child = suite.start(SuiteMain.class);
            awaitMoment(twin, moment, start, suite);
            long signalled = System.nanoTime();

            send(signal, child);

            boolean exited = child.waitFor(120, TimeUnit.SECONDS);
            ChildJvm.Result result = suite.result(exited ? child.exitValue() : -1);
            System.out.println(moment + ": the child's output:" + System.lineSeparator() + result);
            // The kill switch ends with one of these lines; the rest of the run may still print while it plays.
            String killSwitchLine = result.stdout().stream().filter(l -> l.startsWith("ovha: every change of run")
                    || l.startsWith("ovha: ") && l.endsWith("run scripts/cleanup")).reduce((a, b) -> b).orElse("(none)");
            JournalContents journal = UndoJournal.contentsOf(journal());
            List<String> leftovers = new ArrayList<>();
            try {
                await("the twin as before the run").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .until(() -> TwinState.of(twin).differencesFrom(before).isEmpty());
            } catch (ConditionTimeoutException e) {
                leftovers.addAll(TwinState.of(twin).differencesFrom(before));
            }
            OUTCOMES.add(new Outcome(moment, signal, moment.scenario, millis(signalled - started), result.exitCode(),
                    killSwitchLine, journal.done(), journal.pending().size(), leftovers));

            assertThat(exited).as("the child exits after " + signal).isTrue();
            assertThat(result.exitCode()).as("exit status after " + signal + "\n" + result).isEqualTo(signal.exitStatus);
            assertThat(result.stdout()).as(result.toString())
                    .contains("ovha: interrupted; stopping experiments and playing rollbacks (budget 60 s)");
            assertThat(killSwitchLine).as(result.toString()).matches("ovha: every change of run ovha-\\S+ undone");
            assertThat(String.join("\n", result.allLines())).doesNotContain(twin.endpoints().secret());
            assertThat(journal.pending()).as("pending in the undo journal").isEmpty();
            assertThat(journal.unreadable()).isEmpty();
            assertThat(journal.done()).as("changes undone").isPositive();
            assertThat(leftovers).as("how the twin differs from before the run, once settled").isEmpty();
        }
    }

    private static void send(Signal signal, Process process) throws IOException, InterruptedException {
        if (signal == Signal.SIGTERM) {
            process.destroy();
            return;
        }
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).redirectErrorStream(true).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0)
                .as("kill -INT " + process.pid() + ": " + new String(kill.getInputStream().readAllBytes())).isTrue();
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** Until the moment comes; the child's output in the failure when it never does. */
    private void awaitMoment(Twin twin, Moment moment, Look start, ChildJvm suite) {
        try {
            await(moment.description).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                    .failFast("the child run ended, or undid its change, before the moment came",
                            () -> !child.isAlive() || Look.of(twin, journal(), start).done() > 0)
                    .until(() -> moment.reached.test(Look.of(twin, journal(), start)));
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + "; last look " + Look.of(twin, journal(), start)
                    + "; the child: " + suite.result(child.isAlive() ? -1 : child.exitValue()), e);
        }
    }

    private Path journal() {
        return workDir.resolve("reports/undo-journal.jsonl");
    }

    /** As a person would run the suite against a live stack, with the opt-in, selecting one scenario. */
    private Map<String, String> childProperties(Twin twin, Moment moment) {
        Map<String, String> properties = new HashMap<>(TwinAsLiveStack.settings(twin, workDir));
        // The secret goes in the environment, as the README advises, not on a command line.
        properties.remove("ovha.openvidu.secret");
        properties.put("ovha.allow", twin.endpoints().stack());
        properties.put("cucumber.filter.tags", "@mutating");
        // The twin moves 60 times faster than AWS: looking every 5 s, as against AWS, only makes the run longer.
        properties.put("ovha.poll.interval", "1000");
        // ChildJvm links the project's features in; the name filter keeps one scenario of them.
        properties.put("cucumber.filter.name", "^" + Pattern.quote(moment.scenario) + "$");
        return properties;
    }

    private static Map<String, String> childEnvironment(Twin twin) {
        TwinEndpoints e = twin.endpoints();
        return Map.of("AWS_ACCESS_KEY_ID", e.accessKeyId(), "AWS_SECRET_ACCESS_KEY", e.secretAccessKey(),
                "OVHA_OPENVIDU_SECRET", e.secret());
    }

    /**
     * One look at the change: the journal's pending and undone entries, the media group's desired capacity and
     * which members it did not have at the start are in service, and the edited property's line in the .env.
     */
    record Look(Look before, int pending, int done, int mediaDesired, Set<String> members,
                List<String> newcomersInService, String editedValue) {

        static Look of(Twin twin, Path journal, Look before) {
            JournalContents contents = UndoJournal.contentsOf(journal);
            return twin.inWorld(world -> {
                var media = world.autoScaling().group(world.topology().mediaGroupName()).orElseThrow();
                Set<String> members = media.instances().stream().map(i -> i.instanceId()).collect(Collectors.toSet());
                List<String> newcomers = media.instances().stream()
                        .filter(i -> before != null && !before.members().contains(i.instanceId()))
                        .filter(i -> "InService".equals(i.lifecycleState().apiName()))
                        .map(i -> i.instanceId()).toList();
                return new Look(before, contents.pending().size(), contents.done(), media.desiredCapacity(), members,
                        newcomers, editedValue(world));
            });
        }

        private static String editedValue(World world) {
            String text = world.s3().object(world.topology().bucketName(), ".env")
                    .map(o -> new String(o.bytes(), StandardCharsets.UTF_8)).orElse("");
            return text.lines().filter(line -> line.startsWith(EDITED_PROPERTY + "=")).findFirst().orElse("(absent)");
        }
    }
}
