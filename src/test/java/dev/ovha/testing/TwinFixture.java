package dev.ovha.testing;

import dev.ovha.aws.AwsClients;
import dev.ovha.aws.AwsTarget;
import dev.ovha.config.Secret;
import dev.ovha.openvidu.OpenViduApi;
import dev.ovha.openvidu.OpenViduEndpoint;
import dev.ovha.report.Evidence;
import dev.ovha.report.Redactor;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinEndpoints;
import dev.ovha.twin.TwinOptions;
import java.util.List;
import java.util.Optional;

/**
 * An embedded twin and the harness's clients pointed at it exactly as at a live stack: AwsClients on the
 * emulator endpoint with the twin's dummy keys, an OpenViduApi through its HTTPS load balancer trusting
 * its CA. Meant for a field closed by JUnit:
 * {@code @AutoClose static final TwinFixture fixture = TwinFixture.of(TwinOptions.defaults());}
 * The twin starts on first use rather than here, so that such a static field starts nothing while JUnit
 * merely loads the class, and a twin that fails to start fails the test that needed it.
 */
public final class TwinFixture implements AutoCloseable {
    /** How often the OpenVidu driver tries a call, as the tests built it by hand. */
    private static final int OPENVIDU_ATTEMPTS = 3;

    private final TwinOptions options;
    private Twin twin;
    private AwsClients aws;
    private OpenViduApi openVidu;

    private TwinFixture(TwinOptions options) {
        this.options = options;
    }

    public static TwinFixture of(TwinOptions options) {
        return new TwinFixture(options);
    }

    public synchronized Twin twin() {
        if (twin == null) {
            twin = Twin.start(options);
        }
        return twin;
    }

    public TwinEndpoints endpoints() {
        return twin().endpoints();
    }

    /** The twin's AWS endpoint, region and dummy keys, with the default call limits. */
    public AwsTarget awsTarget() {
        TwinEndpoints e = endpoints();
        return AwsTarget.emulator(e.awsEndpoint(), e.region(), e.accessKeyId(), e.secretAccessKey());
    }

    /** The harness's AWS clients on {@link #awsTarget()}, built once and closed with the fixture. */
    public synchronized AwsClients aws() {
        if (aws == null) {
            aws = new AwsClients(awsTarget());
        }
        return aws;
    }

    /** The twin's load balancer as the OpenVidu driver reaches it: its CA trusted, three tries a call. */
    public OpenViduEndpoint openViduEndpoint() {
        TwinEndpoints e = endpoints();
        return new OpenViduEndpoint(e.openviduUrl(), e.openviduHttpUrl(), Optional.of(e.caPem()), Secret.of(e.secret()),
                OPENVIDU_ATTEMPTS);
    }

    /** The OpenVidu driver on the twin, recording no evidence and keeping the secret out of what it says. */
    public synchronized OpenViduApi openVidu() {
        if (openVidu == null) {
            OpenViduEndpoint endpoint = openViduEndpoint();
            openVidu = new OpenViduApi(endpoint, Evidence.NONE, Redactor.of(List.of(endpoint.secret())));
        }
        return openVidu;
    }

    @Override
    public synchronized void close() {
        try {
            if (aws != null) {
                aws.close();
            }
        } finally {
            if (twin != null) {
                twin.close();
            }
        }
    }
}
