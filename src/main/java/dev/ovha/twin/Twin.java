package dev.ovha.twin;

import com.sun.net.httpserver.HttpServer;
import dev.ovha.twin.control.ControlApi;
import dev.ovha.twin.edge.AwsEdge;
import dev.ovha.twin.edge.AwsRouter;
import dev.ovha.twin.openvidu.lb.LoadBalancerFrontend;
import dev.ovha.twin.seed.OpenViduStackSeed;
import dev.ovha.twin.service.FormService;
import dev.ovha.twin.service.JsonService;
import dev.ovha.twin.service.autoscaling.AutoScalingService;
import dev.ovha.twin.service.cloudformation.CloudFormationService;
import dev.ovha.twin.service.cloudwatch.CloudWatchService;
import dev.ovha.twin.service.ec2.Ec2Service;
import dev.ovha.twin.service.elbv2.ElbV2Service;
import dev.ovha.twin.service.fis.FisService;
import dev.ovha.twin.service.s3.S3Service;
import dev.ovha.twin.service.events.EventBridgeService;
import dev.ovha.twin.service.sqs.SqsService;
import dev.ovha.twin.service.ssm.SsmService;
import dev.ovha.twin.service.sts.StsService;
import dev.ovha.twin.sim.Account;
import dev.ovha.twin.sim.ActiveFaults;
import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.sim.GroundTruthLog;
import dev.ovha.twin.sim.SeededIds;
import dev.ovha.twin.sim.Sim;
import dev.ovha.twin.sim.VirtualClock;
import dev.ovha.twin.state.World;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An embedded emulator of a whole OpenVidu Enterprise HA stack on AWS: the AWS APIs on one local
 * endpoint (bound to 127.0.0.1, ephemeral port), a control API beside it, and a world whose dynamics run
 * on a virtual clock. Start it, point unchanged AWS SDK clients at {@link #endpoints()}, close it.
 */
public final class Twin implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Twin.class);
    private static final String ACCOUNT_ID = "123456789012";

    private final TwinOptions options;
    private final HttpServer awsServer;
    private final HttpServer controlServer;
    private final ExecutorService executor;
    private final AwsRouter router;
    private final LoadBalancerFrontend loadBalancer;
    private final Set<Fault> faults;
    private final GroundTruthLog log = new GroundTruthLog();
    private final List<java.util.function.Consumer<World>> worldHooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile World world;

    static {
        // The JDK HTTP server writes headers and body in separate packets; with Nagle's algorithm on,
        // the client's delayed ACK adds ~40 ms to every keep-alive request. Read once, at the server's
        // first use, so it must be set before any server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private Twin(TwinOptions options) throws IOException {
        this.options = options;
        this.faults = EnumSet.noneOf(Fault.class);
        this.faults.addAll(options.faults());
        this.world = buildWorld(options.epoch().orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        List<FormService> services = List.of(new Ec2Service(options.pageSize()), new AutoScalingService(options.pageSize()),
                new ElbV2Service(options.pageSize()), new CloudFormationService(options.pageSize()), new StsService(),
                new CloudWatchService(options.pageSize()));
        List<JsonService> jsonServices = List.of(new SqsService(options.pageSize()),
                new EventBridgeService(options.pageSize()), new SsmService(options.pageSize()));
        this.router = new AwsRouter(() -> world, services, jsonServices).register(new S3Service(options.pageSize()))
                .register(new FisService(options.pageSize()));
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "twin-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.awsServer = HttpServer.create(new InetSocketAddress(loopback, 0), 128);
        this.awsServer.createContext("/", new AwsEdge(router));
        this.awsServer.setExecutor(executor);
        this.controlServer = HttpServer.create(new InetSocketAddress(loopback, 0), 32);
        this.controlServer.createContext("/", new ControlApi(this));
        this.controlServer.setExecutor(executor);
        this.loadBalancer = new LoadBalancerFrontend(() -> world, executor);
        this.loadBalancer.applyCertificateFaults(faults);
    }

    /** Builds the seeded stack and starts serving. */
    public static Twin start(TwinOptions options) {
        try {
            Twin twin = new Twin(options);
            twin.awsServer.start();
            twin.controlServer.start();
            twin.loadBalancer.start();
            LOG.info("twin of stack {} ({} masters, {} media nodes, OpenVidu {}, {}) serving AWS at {} and OpenVidu at {}",
                    options.stack(), options.masters(), options.media(), options.version(),
                    twin.world.sim().clock().isManual() ? "manual clock" : "time scale " + options.timeScale(),
                    twin.endpoints().awsEndpoint(), twin.endpoints().openviduUrl());
            return twin;
        } catch (IOException e) {
            throw new UncheckedIOException("the twin could not open its local ports", e);
        }
    }

    public TwinOptions options() {
        return options;
    }

    public TwinEndpoints endpoints() {
        return new TwinEndpoints(uri(awsServer), options.region(), options.stack(), TwinEndpoints.ACCESS_KEY_ID,
                TwinEndpoints.SECRET_ACCESS_KEY, uri(controlServer), loadBalancer.httpsUrl(), loadBalancer.httpUrl(),
                loadBalancer.caPem(), options.secret());
    }

    /** Reads (or changes) the world under its lock. */
    public <T> T inWorld(Function<World, T> work) {
        World current = world;
        return current.sim().locked(() -> work.apply(current));
    }

    public VirtualClock clock() {
        return world.sim().clock();
    }

    /** Manual clock only: lets {@code amount} of virtual time pass, running every dynamic that falls due. */
    public void advance(Duration amount) {
        world.sim().clock().advance(amount);
    }

    /** The ground-truth log; it spans resets and rebuilds. */
    public GroundTruthLog events() {
        return log;
    }

    /** AWS API calls answered so far. */
    public long awsRequestCount() {
        return router.requestCount();
    }

    public synchronized Set<Fault> activeFaults() {
        return EnumSet.copyOf(faults.isEmpty() ? EnumSet.noneOf(Fault.class) : faults);
    }

    /**
     * Injects a fault. A behaviour fault acts on the running stack at once; a topology fault changes how
     * the stack was deployed, so the stack is rebuilt (the state starts over, with the same seed).
     */
    public synchronized void inject(Fault fault) {
        if (!faults.add(fault)) {
            return;
        }
        applyChange(fault, true);
    }

    public synchronized void clear(Fault fault) {
        if (!faults.remove(fault)) {
            return;
        }
        applyChange(fault, false);
    }

    /** Back to the state at start: the seeded stack with the faults given at start. */
    public synchronized void reset() {
        faults.clear();
        faults.addAll(options.faults());
        rebuild();
        loadBalancer.applyCertificateFaults(faults);
        world.sim().log().record("twin.reset", options.stack());
    }

    private void applyChange(Fault fault, boolean active) {
        if (fault.kind() == Fault.Kind.TOPOLOGY) {
            rebuild();
        } else {
            World current = world;
            current.sim().locked(() -> {
                if (active) {
                    current.sim().faults().add(fault);
                } else {
                    current.sim().faults().remove(fault);
                }
                current.applyBehaviour(fault, active);
            });
        }
        if (fault == Fault.CERT_WRONG_HOST || fault == Fault.CERT_EXPIRING || fault == Fault.CERT_EXPIRED) {
            loadBalancer.applyCertificateFaults(faults);
        }
        world.sim().log().record(active ? "fault.injected" : "fault.cleared", fault.id());
        LOG.info("twin fault {} {}", fault.id(), active ? "injected" : "cleared");
    }

    /**
     * Builds the stack afresh. Virtual time does not go back: the new world starts where the old one
     * stood, so timestamps (CloudWatch windows, Last-Modified, events) stay monotonic.
     */
    private void rebuild() {
        World old = world;
        old.sim().clock().close();
        world = buildWorld(old.sim().now());
        worldHooks.forEach(hook -> world.sim().locked(() -> hook.accept(world)));
    }

    /**
     * Runs {@code hook} on the current world and on every world a reset or topology fault builds later,
     * under the world's lock: the way to attach listeners (S3 changes...) that must survive rebuilds.
     */
    public void onEveryWorld(java.util.function.Consumer<World> hook) {
        worldHooks.add(hook);
        World current = world;
        current.sim().locked(() -> hook.accept(current));
    }

    private World buildWorld(Instant epoch) {
        VirtualClock clock = options.manualClock() ? VirtualClock.manual(epoch)
                : VirtualClock.realTime(epoch, options.timeScale());
        Sim sim = new Sim(clock, new SeededIds(options.seed()), options.timings(), new ActiveFaults(faults),
                new Account(ACCOUNT_ID, options.region()), log);
        World built = sim.locked(() -> new OpenViduStackSeed(options, sim).build());
        sim.locked(() -> faults.stream().filter(f -> f.kind() == Fault.Kind.BEHAVIOUR)
                .forEach(f -> built.applyBehaviour(f, true)));
        return built;
    }

    @Override
    public void close() {
        awsServer.stop(0);
        controlServer.stop(0);
        loadBalancer.close();
        executor.shutdownNow();
        world.sim().clock().close();
        LOG.info("twin of stack {} stopped", options.stack());
    }

    private static URI uri(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
