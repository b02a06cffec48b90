package dev.ovha.steps;

import dev.ovha.config.Secret;
import dev.ovha.config.Timeouts;
import dev.ovha.driver.Account;
import dev.ovha.driver.EventWiring;
import dev.ovha.driver.MetricAlarms;
import dev.ovha.driver.NodeLogs;
import dev.ovha.driver.QueueMetrics;
import dev.ovha.driver.AutoScalingGroups;
import dev.ovha.driver.ConfigBucket;
import dev.ovha.driver.Ec2Instances;
import dev.ovha.driver.MasterFleet;
import dev.ovha.driver.MasterFleetView;
import dev.ovha.driver.MediaFleet;
import dev.ovha.driver.NodeCommands;
import dev.ovha.driver.Stack;
import dev.ovha.driver.StackDriver;
import dev.ovha.openvidu.OpenViduApi;
import dev.ovha.openvidu.OpenViduApplication;
import dev.ovha.openvidu.OpenViduEndpoint;
import dev.ovha.probe.BalancingProbe;
import dev.ovha.probe.MasterSweep;
import dev.ovha.probe.MediaViewProbe;
import dev.ovha.probe.TlsProbe;
import dev.ovha.report.ScenarioEvidence;
import dev.ovha.target.PreflightReport;
import dev.ovha.target.TargetEnvironment;
import dev.ovha.target.Targets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The world of one scenario (picocontainer builds one per scenario and hands it to every step class):
 * the target, the scenario's evidence, and drivers bound to both. The stack is discovered once per
 * scenario, on first use.
 */
public final class StackUnderTest {
    private final TargetEnvironment env;
    private final PreflightReport preflight;
    private final ScenarioEvidence evidence;
    private Stack stack;
    private MasterFleetView fleet;

    public StackUnderTest() {
        this.env = Targets.current();
        this.preflight = env.preflight();
        this.evidence = new ScenarioEvidence(env.redactor());
        env.scenarioStarted();
    }

    public ScenarioEvidence evidence() {
        return evidence;
    }

    public Timeouts timeouts() {
        return env.config().timeouts();
    }

    public OpenViduEndpoint endpoint() {
        return preflight.endpoint();
    }

    public Stack stack() {
        if (stack == null) {
            stack = new StackDriver(env.aws(), evidence).discover(env.stackName());
        }
        return stack;
    }

    /** Looks at the masters now (Auto Scaling, EC2, target health) and keeps the view for later steps. */
    public MasterFleetView lookAtMasters() {
        fleet = masters().view(stack());
        return fleet;
    }

    /** The masters as last looked at in this scenario. */
    public MasterFleetView fleet() {
        if (fleet == null) {
            throw new IllegalStateException("no step of this scenario has looked at the masters yet");
        }
        return fleet;
    }

    public Account account() {
        return new Account(env.aws(), evidence);
    }

    /** The same question through the load balancer until every serving master has answered it (see {@link MasterSweep}). */
    public <T> List<T> askEveryMaster(Supplier<T> question) {
        return MasterSweep.over(lookAtMasters().serving().size()).ask(question, env.parallel());
    }

    /**
     * {@link #askEveryMaster} for one look of a wait: one try per request, so that a master that cannot answer
     * (a 502 while it restarts) ends the look as "not yet" and the wait looks again after its poll interval.
     * The vendor's retries (100 ms, doubling) would otherwise hold the look, and hide for up to a second the
     * moment the master came back.
     */
    public <T> List<T> lookAtEveryMaster(Function<OpenViduApi, T> question) {
        OpenViduApi once = new OpenViduApi(httpsEndpoint().withAttempts(1), evidence, env.redactor());
        return MasterSweep.over(lookAtMasters().serving().size()).ask(() -> question.apply(once), env.parallel());
    }

    public MasterFleet masters() {
        return new MasterFleet(env.aws(), evidence, env.parallel());
    }

    public MediaFleet media() {
        return new MediaFleet(env.aws(), api(), evidence);
    }

    public AutoScalingGroups groups() {
        return new AutoScalingGroups(env.aws(), evidence);
    }

    public Ec2Instances ec2() {
        return new Ec2Instances(env.aws(), evidence);
    }

    /** Shell commands on the stack's instances through SSM. */
    public NodeCommands nodeCommands() {
        return new NodeCommands(env.aws(), evidence, timeouts());
    }

    public OpenViduApi api() {
        return new OpenViduApi(httpsEndpoint(), evidence, env.redactor());
    }

    public BalancingProbe balancing() {
        return new BalancingProbe(api());
    }

    public OpenViduApplication application() {
        return new OpenViduApplication(httpsEndpoint(), evidence, env.redactor());
    }

    /**
     * The endpoint for HTTPS requests. When the certificate names another host every such request fails
     * the same way: the certificate scenario reports it once, and the scenarios that need HTTPS are skipped
     * with this reason instead of each failing with a TLS error.
     */
    private OpenViduEndpoint httpsEndpoint() {
        Verdicts.skipUnless(preflight.certificate().validForHost(), "the certificate served for "
                + endpoint().host() + " is not valid for that name (it names " + preflight.certificate().names()
                + "), so HTTPS requests to it fail; the certificate scenario reports it");
        return endpoint();
    }

    public TlsProbe tls() {
        return new TlsProbe(endpoint().caPem(), Clock.systemUTC());
    }

    /** The secret the harness was given, to check against the template's rules when the stack hides its own. */
    public Optional<Secret> configuredSecret() {
        return Optional.of(endpoint().secret());
    }

    public ConfigBucket configBucket() {
        return new ConfigBucket(env.aws(), evidence);
    }

    public EventWiring eventWiring() {
        return new EventWiring(env.aws(), evidence);
    }

    public QueueMetrics queueMetrics() {
        return new QueueMetrics(env.aws(), evidence, timeouts());
    }

    public MetricAlarms alarms() {
        return new MetricAlarms(env.aws(), evidence);
    }

    public NodeLogs nodeLogs() {
        return new NodeLogs(env.aws(), evidence, timeouts());
    }

    public MediaViewProbe mediaViews() {
        return new MediaViewProbe(api());
    }
}
