package dev.ovha.chaos;

import dev.ovha.aws.AwsClients;
import dev.ovha.aws.AwsTarget;
import dev.ovha.config.ConfigException;
import dev.ovha.config.ConfigKey;
import dev.ovha.config.HarnessConfig;
import dev.ovha.config.Target;
import dev.ovha.config.Timeouts;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code scripts/cleanup}: puts the configured stack back after a run that could not (kill -9, a lost CI
 * runner). It reads the same configuration as the suite (environment, {@code -D}, {@code ovha.properties}),
 * replays what the undo journal holds for the stack, sweeps FIS objects ovha's runs left, prints one line per
 * thing undone, and exits 0 when everything is back, 1 when something could not be undone, 2 on bad input
 * (with one line, and nothing changed).
 */
public final class CleanupMain {
    static final String USAGE = "usage: scripts/cleanup [-Dovha.key=value]...   (configuration as for the suite:"
            + " ovha.target=aws, ovha.stack, ovha.region, ovha.aws.endpoint, ovha.openvidu.url, ovha.openvidu.secret,"
            + " ovha.tls.ca, ovha.chaos.journal)";

    private CleanupMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            boolean help = args[0].equals("-h") || args[0].equals("--help");
            (help ? System.out : System.err).println(help ? USAGE : "scripts/cleanup: unexpected argument '"
                    + OneLine.of(args[0]) + "'; " + USAGE);
            System.exit(help ? 0 : 2);
            return;
        }
        HarnessConfig config;
        try {
            config = HarnessConfig.fromEnvironment();
        } catch (ConfigException e) {
            System.err.println("scripts/cleanup: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(config, Path.of("").toAbsolutePath(), null, System.out, System.err));
    }

    private static String conclusion(CleanupReport report, String stack, UndoJournal journal) {
        if (report.clean()) {
            return "scripts/cleanup: stack " + stack + " is back as ovha found it";
        }
        if (report.replayed().clean()) {
            return "scripts/cleanup: every journal entry is undone, but the FIS sweep could not finish, so FIS"
                    + " experiments or templates of earlier runs may be left";
        }
        return "scripts/cleanup: some changes could not be undone; they stay in " + journal.file();
    }

    /**
     * Runs a cleanup and returns the exit status.
     *
     * @param aws the AWS target; null means the one the configuration describes
     */
    static int run(HarnessConfig config, Path workingDirectory, AwsTarget aws, PrintStream out, PrintStream err) {
        ChaosSettings settings;
        try {
            settings = ChaosSettings.from(config, workingDirectory);
        } catch (ConfigException e) {
            err.println("scripts/cleanup: " + e.getMessage());
            return 2;
        }
        if (config.target() == Target.TWIN) {
            err.println("scripts/cleanup: " + ConfigKey.TARGET.key() + " is twin, and an embedded twin starts clean:"
                    + " there is nothing to undo; point it at a stack with -D" + ConfigKey.TARGET.key() + "=aws -D"
                    + ConfigKey.STACK.key() + "=<stack> (for scripts/twin also -D" + ConfigKey.AWS_ENDPOINT.key()
                    + ", -D" + ConfigKey.OPENVIDU_URL.key() + ", -D" + ConfigKey.TLS_CA.key()
                    + " and its dummy AWS credentials)");
            return 2;
        }
        SecretScreen screen = new SecretScreen();
        config.openviduSecret().ifPresent(s -> screen.add(s.reveal()));
        RunId run = RunId.generate(Instant.now());
        try (AwsClients clients = new AwsClients(aws == null ? AwsTarget.live(config) : aws);
             UndoJournal journal = UndoJournal.open(settings.journal(), run, screen)) {
            UndoContext context = UndoContext.of(clients, new OpenViduAccess(config, clients), screen,
                    new Timeouts(settings.undoTimeout(), config.timeouts().pollInterval()), StopFlag.NEVER);
            out.println("scripts/cleanup: stack " + config.stack() + ", journal " + journal.file());
            CleanupReport report = new Cleanup(new Rollbacks(journal, context), new FisSweeper(context))
                    .run(config.stack());
            report.lines().forEach(line -> out.println("  " + line));
            out.println(conclusion(report, config.stack(), journal));
            out.flush();
            return report.clean() ? 0 : 1;
        } catch (RuntimeException e) {
            err.println("scripts/cleanup: " + screen.scrub(OneLine.of(Failures.describe(e))));
            return 1;
        }
    }
}
