package dev.ovha.chaos;

import dev.ovha.aws.AwsClients;
import dev.ovha.config.Timeouts;
import dev.ovha.openvidu.OpenViduEndpoint;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.fis.FisClient;

/**
 * What undo actions act through: the AWS clients, FIS, OpenVidu's REST API (looked up only when an undo
 * needs it, since a cleanup of capacity changes should not require the OpenVidu secret), the secret screen,
 * a time limit for undos that wait, and the kill switch's stop flag.
 */
public final class UndoContext {
    private final AwsClients aws;
    private final Supplier<FisClient> fis;
    private final Supplier<OpenViduEndpoint> openvidu;
    private final SecretScreen screen;
    private final Timeouts waits;
    private final StopFlag stop;
    private OpenViduAdmin admin;

    public UndoContext(AwsClients aws, Supplier<FisClient> fis, Supplier<OpenViduEndpoint> openvidu,
                       SecretScreen screen, Timeouts waits, StopFlag stop) {
        this.aws = Objects.requireNonNull(aws, "aws");
        this.fis = Objects.requireNonNull(fis, "fis");
        this.openvidu = Objects.requireNonNull(openvidu, "openvidu");
        this.screen = Objects.requireNonNull(screen, "screen");
        this.waits = Objects.requireNonNull(waits, "waits");
        this.stop = Objects.requireNonNull(stop, "stop");
    }

    /** The usual context: FIS from the same {@link AwsClients} as every other service. */
    public static UndoContext of(AwsClients aws, Supplier<OpenViduEndpoint> openvidu, SecretScreen screen,
                                 Timeouts waits, StopFlag stop) {
        return new UndoContext(aws, aws::fis, openvidu, screen, waits, stop);
    }

    public AwsClients aws() {
        return aws;
    }

    public FisClient fis() {
        return fis.get();
    }

    synchronized OpenViduAdmin openvidu() {
        if (admin == null) {
            admin = new OpenViduAdmin(openvidu.get(), waits, stop);
            screen.add(openvidu.get().secret().reveal());
        }
        return admin;
    }

    public SecretScreen screen() {
        return screen;
    }

    /** How long an undo may wait for its effect ({@code ovha.chaos.undoTimeout}), and how often it looks. */
    public Timeouts waits() {
        return waits;
    }

    public StopFlag stop() {
        return stop;
    }

    /** The same context with another stop flag (the kill switch's own, while it plays rollbacks). */
    public UndoContext withStop(StopFlag flag) {
        return new UndoContext(aws, fis, openvidu, screen, waits, flag);
    }
}
