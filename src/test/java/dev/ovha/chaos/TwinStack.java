package dev.ovha.chaos;

import dev.ovha.aws.AwsClients;
import dev.ovha.aws.AwsTarget;
import dev.ovha.aws.CallLimits;
import dev.ovha.config.Secret;
import dev.ovha.config.Target;
import dev.ovha.probe.OpenViduEndpoint;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinEndpoints;
import dev.ovha.twin.TwinOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A twin with a (fake) FIS in front of it, and the chaos layer's objects pointed at both exactly as they
 * would be at AWS: one endpoint, dummy credentials, AwsClients.
 */
final class TwinStack implements AutoCloseable {
    final Twin twin;
    final FakeFis fis;
    final AwsClients aws;
    final SecretScreen screen = new SecretScreen();

    TwinStack(TwinOptions options) {
        twin = Twin.start(options);
        fis = new FakeFis(twin.endpoints().awsEndpoint());
        aws = new AwsClients(target());
    }

    AwsTarget target() {
        TwinEndpoints e = twin.endpoints();
        return AwsTarget.emulator(fis.endpoint(), e.region(), e.accessKeyId(), e.secretAccessKey())
                .withLimits(CallLimits.DEFAULT.withMaxAttempts(1).withApiCallTimeout(Duration.ofSeconds(10)));
    }

    OpenViduEndpoint openvidu() {
        TwinEndpoints e = twin.endpoints();
        return new OpenViduEndpoint(e.openviduUrl(), Secret.of(e.secret()), Optional.of(e.caPem()));
    }

    String stack() {
        return twin.options().stack();
    }

    String masterGroup() {
        return stack() + "-ASGOpenViduProMasterNode";
    }

    String mediaGroup() {
        return stack() + "-ASGMediaNode";
    }

    String bucket() {
        return twin.inWorld(w -> w.topology().bucketName());
    }

    /** The {@code .env} bytes as the twin holds them. */
    String dotEnv() {
        return twin.inWorld(w -> new String(w.s3().object(bucket(), ".env").orElseThrow().bytes(),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    int desired(String group) {
        return twin.inWorld(w -> w.autoScaling().group(group).orElseThrow().desiredCapacity());
    }

    UndoContext context(Duration timeout) {
        return UndoContext.of(aws, this::openvidu, screen, timeout, StopFlag.NEVER);
    }

    UndoJournal journal(Path file, String run) {
        screen.add(twin.endpoints().secret());
        return UndoJournal.open(file, new RunId(run), screen);
    }

    static ChaosGuard twinGuard(boolean dryRun) {
        return new ChaosGuard(ChaosSettingsFixtures.defaults(dryRun), Target.TWIN);
    }

    StackFacts facts() {
        return StackFacts.discover(aws, stack());
    }

    @Override
    public void close() {
        aws.close();
        fis.close();
        twin.close();
    }
}
