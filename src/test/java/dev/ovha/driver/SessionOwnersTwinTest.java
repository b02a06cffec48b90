package dev.ovha.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.aws.AwsClients;
import dev.ovha.aws.AwsTarget;
import dev.ovha.config.Secret;
import dev.ovha.config.Timeouts;
import dev.ovha.openvidu.OpenViduApi;
import dev.ovha.openvidu.OpenViduEndpoint;
import dev.ovha.report.Evidence;
import dev.ovha.report.Redactor;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinEndpoints;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.sim.Fault;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which master hosts which session, through SSM and each master's own API, against a real-time twin. */
class SessionOwnersTwinTest {
    private static Twin twin;
    private static AwsClients aws;
    private static OpenViduApi api;

    @BeforeAll
    static void start() {
        twin = Twin.start(TwinOptions.defaults());
        TwinEndpoints e = twin.endpoints();
        aws = new AwsClients(AwsTarget.emulator(e.awsEndpoint(), e.region(), e.accessKeyId(), e.secretAccessKey()));
        api = new OpenViduApi(new OpenViduEndpoint(e.openviduUrl(), e.openviduHttpUrl(), Optional.of(e.caPem()),
                Secret.of(e.secret()), 3), Evidence.NONE, Redactor.of(List.of(Secret.of(e.secret()))));
    }

    @AfterAll
    static void stop() {
        aws.close();
        twin.close();
    }

    private static List<String> masters() {
        return twin.inWorld(w -> w.masterGroup().instances().stream().map(i -> i.instanceId()).sorted().toList());
    }

    private static SessionOwners owners() {
        return new SessionOwners(new NodeCommands(aws, Evidence.NONE,
                new Timeouts(Duration.ofSeconds(10), Duration.ofMillis(20))));
    }

    @Test
    void everySessionIsHostedByExactlyOneMasterAndBalancedRequestsReachBoth() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            created.add(api.createSession(Optional.of("owners-test-" + i)).id());
        }
        SessionPlacement placement = owners().of(masters());

        assertThat(placement.unreadable()).isEmpty();
        assertThat(placement.hosted().keySet()).containsExactlyInAnyOrderElementsOf(masters());
        assertThat(placement.hosted().values()).allSatisfy(s -> assertThat(s).isNotEmpty());
        assertThat(created).allSatisfy(id -> assertThat(placement.ownerOf(id)).isPresent());
        assertThat(placement.hosted().values().stream().mapToInt(Set::size).sum()).isEqualTo(created.size());
        created.forEach(api::closeSession);
    }

    @Test
    void mastersSsmCannotReachAreNamedUnreadable() {
        twin.inject(Fault.MASTERS_NOT_SSM_MANAGED);
        try {
            assertThat(owners().of(masters()).unreadable()).containsExactlyElementsOf(masters());
        } finally {
            twin.clear(Fault.MASTERS_NOT_SSM_MANAGED);
        }
    }
}
