package dev.ovha.chaos;

import dev.ovha.aws.AwsClients;
import dev.ovha.config.HarnessConfig;
import dev.ovha.config.Timeouts;
import dev.ovha.openvidu.OpenViduEndpoint;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The chaos layer of one suite run, wired together once: the guard rails, the undo journal under this run's
 * id, the rollbacks that play it, and the kill switch. The Cucumber hooks drive it: {@link #startOfRun} after
 * the preflight (what earlier runs left is undone and their FIS objects swept, then the kill switch is
 * installed), {@link #requireMutating}/{@link #requireDisruptive} before a scenario that changes the stack,
 * {@link #afterScenario} after every scenario, passed or failed, and {@link #close} at the end.
 *
 * <p>A start-of-run cleanup that could not undo everything refuses later changes: piling new changes on a
 * stack that is not back as ovha found it would make the next cleanup guess.
 */
public final class ChaosRun implements AutoCloseable {
    private final ChaosSettings settings;
    private final ChaosGuard guard;
    private final AwsClients aws;
    private final Supplier<OpenViduEndpoint> openvidu;
    private final String stackName;
    private final SecretScreen screen;
    private final UndoJournal journal;
    private final Rollbacks rollbacks;
    /** The run started the stack itself (the embedded twin): nothing an earlier run changed is on it. */
    private final boolean stackStartedByThisRun;
    private volatile KillSwitch killSwitch;
    private StackFacts stack;
    private Optional<String> replayFailure = Optional.empty();
    private Optional<String> sweepFailure = Optional.empty();

    private ChaosRun(HarnessConfig config, ChaosSettings settings, AwsClients aws, Supplier<OpenViduEndpoint> openvidu,
                     boolean stackStartedByThisRun) {
        this.settings = settings;
        this.stackStartedByThisRun = stackStartedByThisRun;
        this.guard = new ChaosGuard(settings, config.target());
        this.aws = aws;
        this.openvidu = openvidu;
        this.stackName = config.stack();
        this.screen = new SecretScreen();
        config.openviduSecret().ifPresent(s -> screen.add(s.reveal()));
        this.journal = UndoJournal.open(settings.journal(), RunId.generate(Instant.now()), screen);
        StopFlag stop = () -> killSwitch != null && killSwitch.stopRequested();
        this.rollbacks = new Rollbacks(journal, UndoContext.of(aws, openvidu, screen,
                new Timeouts(settings.undoTimeout(), config.timeouts().pollInterval()), stop));
    }

    /**
     * The chaos layer for a run against {@code aws}; relative paths ({@code ovha.chaos.journal}) are taken from
     * {@code workingDirectory}. {@code stackStartedByThisRun} when the run started the stack itself (the embedded
     * twin), so that the journal's entries from earlier runs, made on a twin that ended with its run, are not
     * played on this one.
     *
     * @throws dev.ovha.config.ConfigException when a chaos setting is invalid
     */
    public static ChaosRun open(HarnessConfig config, AwsClients aws, Supplier<OpenViduEndpoint> openvidu,
                                Path workingDirectory, boolean stackStartedByThisRun) {
        return new ChaosRun(config, ChaosSettings.from(config, workingDirectory), aws, openvidu, stackStartedByThisRun);
    }

    /**
     * Puts back what earlier runs left on this stack (the journal's pending entries, then FIS objects tagged by
     * ovha), says so on {@code out}, and installs the kill switch for this run.
     */
    public synchronized CleanupReport startOfRun(PrintStream out) {
        if (stackStartedByThisRun) {
            retireEntriesOfEarlierStacks(out);
        }
        CleanupReport report = new Cleanup(rollbacks, new FisSweeper(rollbacks.context())).run(stackName);
        if (!report.replayed().clean()) {
            replayFailure = Optional.of(report.replayed().verdict().reason());
        }
        sweepFailure = report.sweepError();
        boolean nothing = report.retired().isEmpty() && report.replayed().outcomes().isEmpty() && report.swept().isEmpty()
                && report.sweepError().isEmpty();
        if (!nothing) {
            out.println("ovha: putting back what earlier runs left on stack " + stackName + " (" + journal.file() + "):");
            report.lines().forEach(line -> out.println("ovha:   " + line));
        }
        if (killSwitch == null) {
            killSwitch = KillSwitch.install(rollbacks, settings.shutdownBudget(), out);
        }
        return report;
    }

    /**
     * An earlier run's pending entries for this stack name were made on an embedded twin that ended with that run
     * (a rollback that failed, a kill -9): playing them on this run's new twin would change it for nothing, or
     * fail and refuse every change of the run. They are marked done, saying why, and the run says so once.
     */
    private void retireEntriesOfEarlierStacks(PrintStream out) {
        List<PendingUndo> stale = journal.pending(e -> e.stack().equals(stackName));
        stale.forEach(e -> journal.markDone(e, "not played: made on an embedded twin that ended with its run ("
                + e.runId() + "); run " + journal.runId().value() + " started a new one"));
        if (!stale.isEmpty()) {
            out.println("ovha: " + stale.size() + " change(s) left in " + journal.file() + " by earlier runs were made"
                    + " on an embedded twin that ended with its run; this run's twin is new, so there is nothing to put"
                    + " back (marked done in the journal)");
        }
    }

    /** Before the run: opt-ins that name another stack, or a production stack without its override, refuse it. */
    public void requireConsistentOptIns() {
        guard.requireConsistentOptIns(stack());
    }

    /** Before a {@code @mutating} scenario: the opt-in, the production tag, and a clean start. */
    public void requireMutating() {
        guard.requireMutating(stack());
        replayFailure.ifPresent(failure -> {
            throw new ChaosRefused("refused: changes of an earlier run could not be undone at the start of this run ("
                    + failure + "); run scripts/cleanup first");
        });
    }

    /** Before a {@code @disruptive} scenario: as {@link #requireMutating()}, and no FIS leftovers unswept. */
    public void requireDisruptive() {
        guard.requireDisruptive(stack());
        replayFailure.ifPresent(failure -> {
            throw new ChaosRefused("refused: changes of an earlier run could not be undone at the start of this run ("
                    + failure + "); run scripts/cleanup first");
        });
        sweepFailure.ifPresent(failure -> {
            throw new ChaosRefused("refused: FIS objects of earlier runs could not be swept at the start of this run ("
                    + failure + "); run scripts/cleanup with an identity allowed to list, stop and delete them");
        });
    }

    /** The journalled reversible changes (capacity, {@code .env}, {@code /restart}); guarded. */
    public StackChanges stackChanges() {
        return new StackChanges(guard, stack(), journal, aws, openvidu, screen);
    }

    /** The journalled FIS templates and experiments; guarded. */
    public FisChanges fisChanges() {
        return new FisChanges(guard, stack(), journal, aws.fis());
    }

    /** Undoes one change now, ahead of the scenario's end (a scenario that observes its own undo). */
    public UndoOutcome undoNow(ChangeRecord change) {
        RollbackReport report = rollbacks.play(e -> e.id().equals(change.entry().id()), rollbacks.context());
        if (report.outcomes().isEmpty()) {
            throw new IllegalStateException("change " + change.entry().id() + " (" + change.entry().change()
                    + ") is not pending in the undo journal");
        }
        return report.outcomes().get(0);
    }

    /** Every pending change {@code scenario} made in this run, undone newest first. */
    public RollbackReport afterScenario(String scenario) {
        return rollbacks.afterScenario(scenario);
    }

    public ChaosGuard guard() {
        return guard;
    }

    public ChaosSettings settings() {
        return settings;
    }

    public UndoJournal journal() {
        return journal;
    }

    public SecretScreen screen() {
        return screen;
    }

    /** Raised when the run is interrupted (Ctrl-C, SIGTERM): long faults and waits look at it. */
    public StopFlag stop() {
        return () -> killSwitch != null && killSwitch.stopRequested();
    }

    /** The stack as CloudFormation names and tags it, read once. */
    public synchronized StackFacts stack() {
        if (stack == null) {
            stack = StackFacts.discover(aws, stackName);
            // Before any change of the run: a later cleanup tells this stack from one created again under its name.
            journal.recordStack(stack.name(), stack.id());
        }
        return stack;
    }

    /**
     * The run is over: whatever is still pending from it (a scenario whose rollback failed) is tried once more,
     * and the kill switch is removed.
     */
    public synchronized RollbackReport endOfRun() {
        try {
            return rollbacks.allOfThisRun();
        } finally {
            if (killSwitch != null) {
                killSwitch.close();
            }
        }
    }

    /**
     * Closes the journal. When the JVM is shutting down (Ctrl-C, SIGTERM), first waits for the kill switch to
     * finish playing rollbacks, so that the journal, the AWS clients and the twin are not closed under it;
     * otherwise removes the kill switch, which could do nothing once the journal is closed.
     */
    @Override
    public synchronized void close() {
        if (killSwitch != null) {
            killSwitch.awaitRollbacks();
            killSwitch.close();
        }
        journal.close();
    }
}
