package dev.ovha.twin;

import dev.ovha.tls.PemTrust;
import dev.ovha.twin.openvidu.MediaNodeRecord;
import dev.ovha.twin.openvidu.NodeLog;
import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.state.GroupInstance;
import dev.ovha.twin.state.LifecycleState;
import dev.ovha.twin.state.TargetHealthState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every named fault shows its symptom, and the same probe finds nothing wrong without it: the contract
 * that lets the harness's own tests prove each check can fail. A fault added without a symptom here
 * fails {@link #everyFaultHasASymptom()}.
 */
class FaultSymptomsTest {

    /** Drives a twin a little (time, a capacity change...) and says whether the symptom shows. */
    private static final Map<Fault, Predicate<Twin>> SYMPTOMS = new EnumMap<>(Fault.class);

    static {
        SYMPTOMS.put(Fault.MASTERS_ONE_AZ, t -> t.inWorld(w -> w.masterGroup().activeInstances().stream()
                .map(GroupInstance::availabilityZone).distinct().count() == 1));
        SYMPTOMS.put(Fault.AUTOSCALING_PARAMS_DRIFT, t -> t.inWorld(w -> !String.valueOf(w.mediaGroup().maxSize())
                .equals(w.cloudFormation().stacks().get(0).parameter("MaxMediaNodes").orElseThrow())));
        SYMPTOMS.put(Fault.MASTER_UNHEALTHY, t -> {
            t.advance(Duration.ofSeconds(42));
            return t.inWorld(w -> w.elb().targetGroups().get(0).targets().stream()
                    .anyMatch(x -> x.state() != TargetHealthState.HEALTHY));
        });
        SYMPTOMS.put(Fault.NO_MASTER_REPLACEMENT, t -> {
            killFirstMaster(t);
            t.advance(Duration.ofMinutes(5));
            return inServiceMasters(t) < 2;
        });
        SYMPTOMS.put(Fault.SLOW_MASTER_REPLACEMENT, t -> {
            killFirstMaster(t);
            t.advance(Duration.ofMinutes(4));
            return t.inWorld(w -> w.elb().targetGroups().get(0).targets().stream()
                    .filter(x -> x.state() == TargetHealthState.HEALTHY).count()) < 2;
        });
        SYMPTOMS.put(Fault.LB_STICKY, t -> {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                seen.add(get(t, "/openvidu/api/config").replaceAll("(?s).*\"AWS_INSTANCE_ID\":\"([^\"]+)\".*", "$1"));
            }
            return seen.size() == 1;
        });
        SYMPTOMS.put(Fault.SESSIONS_LOST_ON_FAILOVER, t -> {
            t.inWorld(w -> {
                w.openVidu().masters().forEach(m -> w.openVidu().createSession(m, java.util.Optional.of("s-" + m.instanceId()), Map.of()));
                return null;
            });
            killFirstMaster(t);
            t.advance(Duration.ofSeconds(30));
            return t.inWorld(w -> w.openVidu().sessions().all().isEmpty());
        });
        SYMPTOMS.put(Fault.RESTART_NOT_PERSISTED, t -> {
            t.inWorld(w -> {
                w.openVidu().applyRestart(Map.of("OPENVIDU_SESSIONS_GARBAGE_INTERVAL", "600"));
                return null;
            });
            return !t.inWorld(w -> w.openVidu().store().read().orElseThrow().text()).contains("OPENVIDU_SESSIONS_GARBAGE_INTERVAL=600");
        });
        SYMPTOMS.put(Fault.NO_AUTORESTART, t -> {
            t.inWorld(w -> {
                String env = w.openVidu().store().read().orElseThrow().text();
                w.openVidu().store().write(env.replace("OPENVIDU_SESSIONS_GARBAGE_THRESHOLD=3600", "OPENVIDU_SESSIONS_GARBAGE_THRESHOLD=1800"));
                return null;
            });
            t.advance(Duration.ofMinutes(1));
            return t.inWorld(w -> w.openVidu().masters().stream().allMatch(m -> m.restartCounter() == 0));
        });
        SYMPTOMS.put(Fault.AUTORESTART_IGNORED, t -> {
            t.inWorld(w -> {
                String env = w.openVidu().store().read().orElseThrow().text();
                w.openVidu().store().write(env.replace("OPENVIDU_ENTERPRISE_S3_CONFIG_AUTORESTART=true",
                        "OPENVIDU_ENTERPRISE_S3_CONFIG_AUTORESTART=false"));
                return null;
            });
            t.advance(Duration.ofMinutes(1));
            t.inWorld(w -> {
                String env = w.openVidu().store().read().orElseThrow().text();
                w.openVidu().store().write(env.replace("OPENVIDU_SESSIONS_GARBAGE_THRESHOLD=3600",
                        "OPENVIDU_SESSIONS_GARBAGE_THRESHOLD=1800"));
                return null;
            });
            t.advance(Duration.ofMinutes(1));
            return t.inWorld(w -> w.openVidu().masters().stream().allMatch(m -> m.restartCounter() == 2));
        });
        SYMPTOMS.put(Fault.CERT_WRONG_HOST, t -> !served(t).toString().contains("127.0.0.1"));
        SYMPTOMS.put(Fault.CERT_EXPIRING, t -> {
            try {
                return served(t).getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(14)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        SYMPTOMS.put(Fault.CERT_EXPIRED, t -> {
            // A client that trusts the twin's CA refuses the handshake because of the date, and only because of it.
            try {
                served(t);
                return false;
            } catch (IllegalStateException e) {
                for (Throwable c = e; c != null; c = c.getCause()) {
                    if (c instanceof java.security.cert.CertificateExpiredException) {
                        return true;
                    }
                }
                throw e;
            }
        });
        SYMPTOMS.put(Fault.MASTERS_NOT_SSM_MANAGED, t -> t.inWorld(w ->
                !w.ssm().isManaged(w.masterGroup().activeInstances().get(0).instanceId())));
        SYMPTOMS.put(Fault.EVENTS_NOT_DELIVERED, t -> {
            t.advance(Duration.ofMinutes(3));
            return t.inWorld(w -> w.sqs().countsPerMinute(w.topology().queueName()).stream().mapToLong(c -> c.sent()).sum()) == 0;
        });
        SYMPTOMS.put(Fault.EVENTS_NOT_CONSUMED, t -> {
            t.advance(Duration.ofMinutes(3));
            return logLines(t, "Notification content").isEmpty();
        });
        SYMPTOMS.put(Fault.LAUNCH_NOT_REGISTERED, t -> {
            String newcomer = scaleMediaOut(t);
            t.advance(Duration.ofMinutes(2));
            return !registered(t).contains(newcomer);
        });
        SYMPTOMS.put(Fault.TERMINATE_NOT_DEREGISTERED, t -> {
            String newcomer = scaleMediaOut(t);
            t.advance(Duration.ofMinutes(2));
            t.inWorld(w -> w.autoScaling().terminateMember(w.mediaGroup(), w.mediaGroup().instance(newcomer).orElseThrow(), true));
            t.advance(Duration.ofSeconds(20));
            return registered(t).contains(newcomer);
        });
        SYMPTOMS.put(Fault.STACK_ROLLBACK_FAILED, t -> t.inWorld(w ->
                w.cloudFormation().stacks().get(0).status().equals("UPDATE_ROLLBACK_FAILED")));
        SYMPTOMS.put(Fault.STACK_TAGGED_PRODUCTION, t -> t.inWorld(w ->
                "production".equals(w.cloudFormation().stacks().get(0).tags().get("environment"))));
        SYMPTOMS.put(Fault.MEDIA_SCALING_POLICY_DRIFT, t -> t.inWorld(w ->
                w.mediaGroup().policies().stream().anyMatch(p -> Math.abs(p.scalingAdjustment()) != 1)));
        SYMPTOMS.put(Fault.MEDIA_TERMINATE_HOOK_MISSING, t -> t.inWorld(w ->
                w.mediaGroup().hook(dev.ovha.twin.state.LifecycleHook.TERMINATING).isEmpty()));
        SYMPTOMS.put(Fault.DOMAIN_ELSEWHERE, t -> get(t, "/openvidu/api/config").contains("It works!"));
        SYMPTOMS.put(Fault.SESSIONS_NOT_SHARED, t -> t.inWorld(w -> {
            var masters = w.openVidu().masters();
            w.openVidu().createSession(masters.get(0), java.util.Optional.of("made-by-first"), Map.of());
            return w.openVidu().sessionsSeenBy(masters.get(1)).isEmpty();
        }));
        SYMPTOMS.put(Fault.CONFIG_DRIFT, t -> t.inWorld(w -> w.openVidu().masters().stream()
                .map(m -> m.config().getOrDefault("OPENVIDU_STREAMS_VIDEO_MAX_RECV_BANDWIDTH", "")).distinct().count() > 1));
        SYMPTOMS.put(Fault.CLUSTER_UNSTABLE, t -> get(t, "/openvidu/api/health").contains("\"clusterStatus\":\"UNSTABLE\""));
        SYMPTOMS.put(Fault.QUEUE_ATTRIBUTES_DRIFT, t -> t.inWorld(w -> w.sqs().queue(w.topology().queueName()).orElseThrow()
                .settings().retention().equals(Duration.ofDays(4))));
        SYMPTOMS.put(Fault.ALARM_THRESHOLD_DRIFT, t -> t.inWorld(w -> w.cloudWatch().alarms().stream()
                .anyMatch(a -> a.threshold() == 90)));
        SYMPTOMS.put(Fault.ENV_OUT_OF_SYNC, t -> {
            t.advance(Duration.ofMinutes(1));
            return t.inWorld(w -> w.openVidu().store().read().orElseThrow().text()
                    .contains("OPENVIDU_STREAMS_VIDEO_MAX_SEND_BANDWIDTH=1500")
                    && w.openVidu().masters().stream().noneMatch(m ->
                    m.config().getOrDefault("OPENVIDU_STREAMS_VIDEO_MAX_SEND_BANDWIDTH", "").equals("1500")));
        });
        SYMPTOMS.put(Fault.MEDIA_VIEW_DIFFERS, t -> {
            Set<String> counts = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                counts.add(get(t, "/openvidu/api/media-nodes").replaceAll("(?s).*\"numberOfElements\":(\\d+).*", "$1"));
            }
            return counts.size() > 1;
        });
    }

    @Test
    void everyFaultHasASymptom() {
        assertThat(SYMPTOMS.keySet()).containsExactlyInAnyOrder(Fault.values());
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void theSymptomShowsWithTheFaultAndNotWithoutIt(Fault fault) {
        Predicate<Twin> symptom = SYMPTOMS.get(fault);
        try (Twin healthy = Twin.start(TwinOptions.deterministic())) {
            assertThat(symptom.test(healthy)).as(fault.id() + " on a healthy twin").isFalse();
        }
        TwinOptions options = fault.kind() == Fault.Kind.TOPOLOGY
                ? TwinOptions.deterministic().withFaults(Set.of(fault)) : TwinOptions.deterministic();
        try (Twin broken = Twin.start(options)) {
            if (fault.kind() == Fault.Kind.BEHAVIOUR) {
                broken.inject(fault);
            }
            assertThat(symptom.test(broken)).as(fault.id() + ": " + fault.description()).isTrue();
        }
    }

    private static void killFirstMaster(Twin t) {
        t.inWorld(w -> w.ec2().terminate(w.ec2().instance(w.masterGroup().activeInstances().get(0).instanceId()).orElseThrow(),
                "User initiated"));
    }

    private static long inServiceMasters(Twin t) {
        return t.inWorld(w -> w.masterGroup().instances().stream().filter(i -> i.lifecycleState() == LifecycleState.IN_SERVICE).count());
    }

    private static String scaleMediaOut(Twin t) {
        return t.inWorld(w -> {
            w.autoScaling().setDesiredCapacity(w.mediaGroup(), w.mediaGroup().desiredCapacity() + 1);
            return w.mediaGroup().activeInstances().stream().filter(i -> i.lifecycleState() == LifecycleState.PENDING)
                    .findFirst().orElseThrow().instanceId();
        });
    }

    private static List<String> registered(Twin t) {
        return t.inWorld(w -> w.openVidu().mediaNodes().stream().map(MediaNodeRecord::environmentId).toList());
    }

    private static List<String> logLines(Twin t, String fragment) {
        return t.inWorld(w -> w.openVidu().masters().stream().flatMap(m -> m.log().lines().stream())
                .map(NodeLog.Line::text).filter(x -> x.contains(fragment)).toList());
    }

    private static String get(Twin t, String path) {
        try {
            HttpClient http = HttpClient.newBuilder().sslContext(PemTrust.sslContext(t.endpoints().caPem())).build();
            String auth = Base64.getEncoder().encodeToString(("OPENVIDUAPP:" + t.endpoints().secret()).getBytes(StandardCharsets.UTF_8));
            return http.send(HttpRequest.newBuilder(URI.create(t.endpoints().openviduUrl() + path))
                    .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The certificate the load balancer serves. A raw TLS socket checks the chain against the twin's CA
     * but not the host name (that is the HTTPS client's job), so even a wrong-host certificate can be read.
     */
    private static X509Certificate served(Twin t) {
        try (var socket = (javax.net.ssl.SSLSocket) PemTrust.sslContext(t.endpoints().caPem()).getSocketFactory()
                .createSocket("127.0.0.1", t.endpoints().openviduUrl().getPort())) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
