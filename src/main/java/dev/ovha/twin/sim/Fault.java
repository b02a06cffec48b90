package dev.ovha.twin.sim;

import java.util.Arrays;
import java.util.Optional;

/**
 * A named way in which a real stack can be broken. Every fault is off by default. A
 * {@linkplain Kind#TOPOLOGY topology} fault changes how the stack was deployed, so it takes effect
 * when the stack is (re)built; a {@linkplain Kind#BEHAVIOUR behaviour} fault changes what the running
 * stack does from the moment it is injected.
 */
public enum Fault {
    MASTERS_ONE_AZ("masters-one-az", Kind.TOPOLOGY,
            "both OpenViduSubnets lie in the same availability zone, so every master stands in one zone"),
    AUTOSCALING_PARAMS_DRIFT("autoscaling-params-drift", Kind.TOPOLOGY,
            "the autoscaling groups' sizes were changed by hand and no longer match the stack parameters"),
    MASTER_UNHEALTHY("master-unhealthy", Kind.BEHAVIOUR,
            "the first master's OpenVidu server answers its health check with 502, so the load balancer drops it"),
    NO_MASTER_REPLACEMENT("no-master-replacement", Kind.BEHAVIOUR,
            "the master autoscaling group does not launch replacements (its Launch process is suspended)"),
    SLOW_MASTER_REPLACEMENT("slow-master-replacement", Kind.BEHAVIOUR,
            "new masters take ten times longer than normal to start OpenVidu"),
    LB_STICKY("lb-sticky", Kind.BEHAVIOUR,
            "the load balancer sends every request to the same master (stickiness left on)"),
    SESSIONS_LOST_ON_FAILOVER("sessions-lost-on-failover", Kind.BEHAVIOUR,
            "when a master dies, the sessions of the surviving masters vanish too"),
    RESTART_NOT_PERSISTED("restart-not-persisted", Kind.BEHAVIOUR,
            "POST /openvidu/api/restart restarts the masters with the new values but never writes them to the S3 .env"),
    NO_AUTORESTART("no-autorestart", Kind.BEHAVIOUR,
            "the masters never notice changes to the S3 .env, although auto-restart is on"),
    CERT_WRONG_HOST("cert-wrong-host", Kind.BEHAVIOUR,
            "the load balancer's certificate is issued for another host name"),
    CERT_EXPIRING("cert-expiring", Kind.BEHAVIOUR,
            "the load balancer's certificate expires in 7 days"),
    MASTERS_NOT_SSM_MANAGED("masters-not-ssm-managed", Kind.BEHAVIOUR,
            "the master nodes' role lacks AmazonSSMManagedInstanceCore, so SSM cannot run commands on them"),
    EVENTS_NOT_CONSUMED("events-not-consumed", Kind.BEHAVIOUR,
            "the masters' replication-manager reads the wrong queue (RM_SQS_QUEUE), so nobody consumes the stack's events"),
    LAUNCH_NOT_REGISTERED("launch-not-registered", Kind.BEHAVIOUR,
            "the masters consume launch events but never register the new media node"),
    TERMINATE_NOT_DEREGISTERED("terminate-not-deregistered", Kind.BEHAVIOUR,
            "the masters consume terminate events but keep the leaving media node registered until it dies"),
    STACK_ROLLBACK_FAILED("stack-rollback-failed", Kind.TOPOLOGY,
            "the stack's last update failed and so did its rollback: CloudFormation reports UPDATE_ROLLBACK_FAILED"),
    MEDIA_SCALING_POLICY_DRIFT("media-scaling-policy-drift", Kind.TOPOLOGY,
            "the media scale-up policy was edited outside CloudFormation: it adds two nodes at a time instead of one"),
    MEDIA_TERMINATE_HOOK_MISSING("media-terminate-hook-missing", Kind.TOPOLOGY,
            "the stack was deployed from an edited template without the media group's terminating lifecycle hook"),
    DOMAIN_ELSEWHERE("domain-elsewhere", Kind.BEHAVIOUR,
            "the domain does not point at the stack's load balancer: another web server answers every request with 200"),
    SESSIONS_NOT_SHARED("sessions-not-shared", Kind.BEHAVIOUR,
            "the masters do not share sessions (the replication-manager cannot reach Redis): each knows only its own"),
    CONFIG_DRIFT("config-drift", Kind.BEHAVIOUR,
            "someone edited the first master's .env by hand: it serves another video bandwidth than the others"),
    CLUSTER_UNSTABLE("cluster-unstable", Kind.BEHAVIOUR,
            "one registered media node has lost its connection to the masters, so /health says UNSTABLE (409)"),

    /**
     * Someone removed the SQS target from both EventBridge rules (RemoveTargets, or a hand-edited stack):
     * the rules still exist and are ENABLED, but ListTargetsByRule returns no targets, so lifecycle and
     * schedule events reach nobody — the queue stays empty, CloudWatch shows no NumberOfMessagesSent,
     * and the masters never hear of new or leaving media nodes. CloudFormation still reports the
     * stack's resources as deployed (it notices only with drift detection). Clearing the fault puts
     * the targets back.
     */
    EVENTS_NOT_DELIVERED("events-not-delivered", Kind.BEHAVIOUR,
            "the EventBridge rules deliver nothing to the queue: their SQS targets were removed"),
    QUEUE_ATTRIBUTES_DRIFT("queue-attributes-drift", Kind.TOPOLOGY,
            "the stack's queue was edited by hand: it keeps messages 4 days and hides received ones for only 30 s"),
    ALARM_THRESHOLD_DRIFT("alarm-threshold-drift", Kind.TOPOLOGY,
            "the media scale-up alarm was edited by hand: it fires above 90 % CPU, not at the ScaleUpMediaNodesAvgCpu parameter"),
    /**
     * Someone edited the S3 {@code .env} (another maximum send bandwidth) while the masters do not pick the
     * change up, so what they serve no longer matches the file every new master will load. Clearing the
     * fault puts the file back as it was.
     */
    ENV_OUT_OF_SYNC("env-out-of-sync", Kind.BEHAVIOUR,
            "the S3 .env was edited but the masters never reloaded it: they serve other values than the file holds"),
    MEDIA_VIEW_DIFFERS("media-view-differs", Kind.BEHAVIOUR,
            "the first master's view of the media nodes is stale: it lists one media node fewer than the others"),
    AUTORESTART_IGNORED("autorestart-ignored", Kind.BEHAVIOUR,
            "the masters restart on every change to the S3 .env, even with OPENVIDU_ENTERPRISE_S3_CONFIG_AUTORESTART=false"),
    CERT_EXPIRED("cert-expired", Kind.BEHAVIOUR,
            "the load balancer's certificate expired 3 days ago"),
    /** Not a defect of the stack, but what ovha's guard rails must respect: the self-tests need such a stack. */
    STACK_TAGGED_PRODUCTION("stack-tagged-production", Kind.TOPOLOGY,
            "the stack carries the tag environment=production, so ovha must not change it without allowProduction");

    /** When a fault takes effect. */
    public enum Kind { TOPOLOGY, BEHAVIOUR }

    private final String id;
    private final Kind kind;
    private final String description;

    Fault(String id, Kind kind, String description) {
        this.id = id;
        this.kind = kind;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public static Optional<Fault> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    public static String knownIds() {
        return String.join(", ", Arrays.stream(values()).map(Fault::id).toList());
    }
}
