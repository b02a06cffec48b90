package dev.ovha.twin.sdk;

import dev.ovha.aws.AwsClients;
import dev.ovha.aws.AwsTarget;
import dev.ovha.aws.CallLimits;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinEndpoints;
import dev.ovha.twin.TwinOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Real AWS SDK v2 clients, built by the harness's own {@link AwsClients} exactly as for a live stack
 * but pointed at a fresh deterministic twin — the integration half of each operation's tests.
 */
abstract class TwinSdkTestBase {

    protected Twin twin;
    protected AwsClients aws;

    @BeforeEach
    void startTwin() {
        twin = Twin.start(TwinOptions.deterministic());
        TwinEndpoints e = twin.endpoints();
        aws = new AwsClients(AwsTarget.emulator(e.awsEndpoint(), e.region(), e.accessKeyId(), e.secretAccessKey())
                .withLimits(CallLimits.DEFAULT.withMaxAttempts(1)));
    }

    @AfterEach
    void stopTwin() {
        aws.close();
        twin.close();
    }

    protected String stack() {
        return twin.options().stack();
    }

    protected String masterGroup() {
        return stack() + "-ASGOpenViduProMasterNode";
    }

    protected String mediaGroup() {
        return stack() + "-ASGMediaNode";
    }
}
