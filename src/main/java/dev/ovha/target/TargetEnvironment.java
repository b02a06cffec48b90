package dev.ovha.target;

import dev.ovha.aws.AwsClients;
import dev.ovha.aws.AwsTarget;
import dev.ovha.chaos.ChaosRun;
import dev.ovha.config.HarnessConfig;
import dev.ovha.config.Secret;
import dev.ovha.config.Target;
import dev.ovha.driver.Parallel;
import dev.ovha.report.Redactor;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinEndpoints;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stack a run checks, resolved once from the configuration: where its AWS APIs answer and with which
 * credentials, what is known of its OpenVidu endpoint, and — for {@code ovha.target=twin} — the embedded
 * twin itself. Everything after this point is the same for both targets.
 */
public final class TargetEnvironment implements AutoCloseable {
    private final HarnessConfig config;
    private final AwsClients aws;
    private final EndpointOverrides overrides;
    private final Optional<Twin> ownedTwin;
    private final ExecutorService pool;
    private final Redactor redactor;
    private final AtomicInteger scenarios = new AtomicInteger();
    private PreflightReport preflight;
    private RunRefused refusal;
    private ChaosRun chaos;

    private TargetEnvironment(HarnessConfig config, AwsTarget awsTarget, EndpointOverrides overrides,
                              Optional<Twin> ownedTwin) {
        this.config = config;
        this.aws = new AwsClients(awsTarget);
        this.overrides = overrides;
        this.ownedTwin = ownedTwin;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "ovha-driver-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<Secret> secrets = new ArrayList<>();
        overrides.secret().ifPresent(secrets::add);
        this.redactor = Redactor.of(secrets);
    }

    /**
     * The target the configuration names: an embedded twin started here (and stopped by {@link #close()}),
     * or a live stack.
     *
     * @throws RunRefused when the configuration cannot work (no secret for a live stack, unreadable CA file)
     */
    public static TargetEnvironment open(HarnessConfig config) {
        if (config.target() == Target.TWIN) {
            Twin twin = Twin.start(TwinLaunch.options(config));
            return forTwin(config, twin, Optional.of(twin));
        }
        Secret secret = config.openviduSecret().orElseThrow(() -> new RunRefused("ovha.openvidu.secret is required"
                + " when ovha.target = aws: set OVHA_OPENVIDU_SECRET (or -Dovha.openvidu.secret) to the stack's"
                + " OpenViduSecret parameter, which CloudFormation does not reveal"));
        EndpointOverrides overrides = new EndpointOverrides(config.openviduUrl(), config.openvidu().httpUrl(),
                config.tlsCa().map(TargetEnvironment::readPem), Optional.of(secret));
        return new TargetEnvironment(config, AwsTarget.live(config), overrides, Optional.empty());
    }

    /**
     * A running twin, not owned: the caller started it (with faults, for the harness's own tests) and
     * stops it. The twin describes its endpoints the way a user configures a live stack's.
     */
    public static TargetEnvironment attachedTo(HarnessConfig config, Twin twin) {
        return forTwin(config, twin, Optional.empty());
    }

    private static TargetEnvironment forTwin(HarnessConfig config, Twin twin, Optional<Twin> owned) {
        TwinEndpoints endpoints = twin.endpoints();
        AwsTarget awsTarget = AwsTarget.emulator(endpoints.awsEndpoint(), endpoints.region(),
                endpoints.accessKeyId(), endpoints.secretAccessKey());
        EndpointOverrides overrides = new EndpointOverrides(Optional.of(endpoints.openviduUrl()),
                Optional.of(endpoints.openviduHttpUrl()), Optional.of(endpoints.caPem()),
                Optional.of(Secret.of(endpoints.secret())));
        return new TargetEnvironment(config, awsTarget, overrides, owned);
    }

    public HarnessConfig config() {
        return config;
    }

    public AwsClients aws() {
        return aws;
    }

    public String stackName() {
        return config.stack();
    }

    public EndpointOverrides overrides() {
        return overrides;
    }

    public Redactor redactor() {
        return redactor;
    }

    /**
     * The twin this environment started and owns, if it did: for tools that compare the run with the twin's
     * ground truth and count its AWS calls (the benchmark). Drivers never ask for it.
     */
    public Optional<Twin> ownedTwin() {
        return ownedTwin;
    }

    public Parallel parallel() {
        return new Parallel(pool);
    }

    /**
     * The preflight, run once: the first call checks, later calls return the same report or throw the
     * same refusal.
     */
    public synchronized PreflightReport preflight() {
        if (preflight == null && refusal == null) {
            try {
                preflight = new Preflight(this).run();
            } catch (RunRefused e) {
                refusal = e;
            }
        }
        if (refusal != null) {
            throw refusal;
        }
        return preflight;
    }

    /** Whether the preflight ran and let the run go ahead. */
    public synchronized boolean preflightPassed() {
        return preflight != null;
    }

    /**
     * The run's chaos layer (guard rails, undo journal, rollbacks, kill switch), opened on first use with the
     * OpenVidu endpoint the preflight found; closed with this environment.
     */
    public synchronized ChaosRun chaos() {
        if (chaos == null) {
            chaos = ChaosRun.open(config, aws, () -> preflight().endpoint(), java.nio.file.Path.of("").toAbsolutePath(),
                    ownedTwin.isPresent());
        }
        return chaos;
    }

    /** Counts a scenario that started, so that a run which selected none can be refused. */
    public int scenarioStarted() {
        return scenarios.incrementAndGet();
    }

    public int scenariosStarted() {
        return scenarios.get();
    }

    /** The plain-HTTP URL a URL's load balancer also listens on: {@code http://<same host>}. */
    static URI httpUrlOf(URI https) {
        return URI.create("http://" + https.getHost());
    }

    @Override
    public void close() {
        try {
            closeChaos();
            aws.close();
        } finally {
            pool.shutdownNow();
            ownedTwin.ifPresent(Twin::close);
        }
    }

    /** Not under this object's lock: a kill switch still rolling back may need the preflight's endpoint. */
    private void closeChaos() {
        ChaosRun opened;
        synchronized (this) {
            opened = chaos;
        }
        if (opened != null) {
            opened.close();
        }
    }

    private static String readPem(java.nio.file.Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new RunRefused("ovha.tls.ca = " + file + ": cannot read it (" + e.getMessage() + ")");
        }
    }
}
