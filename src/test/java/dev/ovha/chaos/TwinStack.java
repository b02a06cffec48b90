package dev.ovha.chaos;

import static org.awaitility.Awaitility.await;

import dev.ovha.aws.AwsClients;
import dev.ovha.aws.AwsTarget;
import dev.ovha.aws.CallLimits;
import dev.ovha.config.Target;
import dev.ovha.config.Timeouts;
import dev.ovha.openvidu.OpenViduEndpoint;
import dev.ovha.testing.TwinFixture;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateActionInput;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateStopConditionInput;

/**
 * A twin, and the chaos layer's objects pointed at it exactly as they would be at AWS: one endpoint (FIS
 * included), dummy credentials, AwsClients.
 */
final class TwinStack implements AutoCloseable {
    private final TwinFixture fixture;
    final Twin twin;
    final AwsClients aws;
    final SecretScreen screen = new SecretScreen();

    TwinStack(TwinOptions options) {
        fixture = TwinFixture.of(options);
        twin = fixture.twin();
        aws = new AwsClients(target());
    }

    AwsTarget target() {
        return fixture.awsTarget()
                .withLimits(CallLimits.DEFAULT.withMaxAttempts(1).withApiCallTimeout(Duration.ofSeconds(10)));
    }

    OpenViduEndpoint openvidu() {
        return fixture.openViduEndpoint().withAttempts(1);
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
        return UndoContext.of(aws, this::openvidu, screen, new Timeouts(timeout, Duration.ofMillis(50)), StopFlag.NEVER);
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

    /** A template whose one action waits: an experiment that runs for {@code duration} and touches nothing. */
    static CreateExperimentTemplateRequest waitTemplate(String duration) {
        return CreateExperimentTemplateRequest.builder()
                .description("wait " + duration)
                .stopConditions(CreateExperimentTemplateStopConditionInput.builder().source("none").build())
                .actions(Map.of("pause", CreateExperimentTemplateActionInput.builder().actionId("aws:fis:wait")
                        .parameters(Map.of("duration", duration)).build()))
                .roleArn("arn:aws:iam::123456789012:role/ovha-fis")
                .build();
    }

    /**
     * Runs {@code work} (which waits for the twin, e.g. for an FIS experiment to stop) while virtual time
     * passes on the manual clock, a second per look, as it would by itself on AWS.
     */
    <T> T whileTimePasses(Supplier<T> work) {
        CompletableFuture<T> done = CompletableFuture.supplyAsync(work);
        await("the work done while virtual time passes").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20)).until(() -> {
                    if (!done.isDone()) {
                        twin.advance(Duration.ofSeconds(1));
                    }
                    return done.isDone();
                });
        return done.join();
    }

    String experimentStatus(String id) {
        return aws.fis().getExperiment(r -> r.id(id)).experiment().state().statusAsString();
    }

    List<String> templateIds() {
        return aws.fis().listExperimentTemplatesPaginator(r -> r.maxResults(100)).experimentTemplates().stream()
                .map(t -> t.id()).toList();
    }

    @Override
    public void close() {
        aws.close();
        fixture.close();
    }
}
