package dev.ovha.chaos;

import dev.ovha.aws.AwsClients;
import dev.ovha.aws.AwsTarget;
import dev.ovha.config.Timeouts;
import dev.ovha.openvidu.OpenViduEndpoint;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * A run in a child JVM for {@link KillSwitchTest}: installs the kill switch, makes one journalled change
 * (a desired capacity), says so, and then sits in a "long fault" until it is signalled.
 *
 * <p>Arguments: awsEndpoint region accessKeyId secretAccessKey journal stack group desired.
 */
public final class KillSwitchChild {
    private KillSwitchChild() {
    }

    public static void main(String[] args) throws Exception {
        AwsClients aws = new AwsClients(AwsTarget.emulator(URI.create(args[0]), args[1], args[2], args[3]));
        SecretScreen screen = new SecretScreen();
        UndoJournal journal = UndoJournal.open(Path.of(args[4]), RunId.generate(Instant.now()), screen);
        Supplier<OpenViduEndpoint> noOpenVidu = () -> {
            throw new IllegalStateException("this run never changes OpenVidu's configuration");
        };
        UndoContext context = UndoContext.of(aws, noOpenVidu, screen,
                new Timeouts(Duration.ofSeconds(10), Duration.ofMillis(50)), StopFlag.NEVER);
        KillSwitch killSwitch = KillSwitch.install(new Rollbacks(journal, context), Duration.ofSeconds(20), System.out);
        StackChanges changes = new StackChanges(TwinStack.twinGuard(false), StackFacts.discover(aws, args[5]),
                journal, aws, noOpenVidu, screen);
        ChangeRecord change = changes.setDesiredCapacity("Long fault", args[6], Integer.parseInt(args[7]));
        System.out.println("CHANGED " + change.entry().id() + " stop requested: " + killSwitch.stopRequested());
        System.out.flush();
        // The long fault: nothing to do but wait for the signal; the shutdown hook does the rest.
        new CountDownLatch(1).await();
    }
}
