package dev.ovha.twin.openvidu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A session created with the media node selector is allocated there at once; when that node crashes (its
 * instance dies without a terminate event) the masters close its sessions and no other, and the same id can be
 * created again on another node (openvidu-ha.md §2.5).
 */
class MediaNodeCrashSessionsTest {
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

    @Test
    void aCrashedNodesSessionsAreClosedAndCanBeCreatedAgainElsewhere() {
        List<String> nodes = api.mediaNodes().stream().map(n -> n.id()).sorted().toList();
        String doomed = nodes.get(0);
        String spared = nodes.get(1);
        assertThat(api.createSession(Optional.of("on-doomed"), Optional.of(doomed)).mediaNodeId()).isEqualTo(doomed);
        assertThat(api.createSession(Optional.of("on-spared"), Optional.of(spared)).mediaNodeId()).isEqualTo(spared);
        assertThat(api.createSession(Optional.of("unallocated")).mediaNodeId()).as("allocated when a user joins").isEmpty();

        aws.ec2().terminateInstances(r -> r.instanceIds(doomed.substring("media_".length())));
        await("the crashed node's session closed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.session("on-doomed").isEmpty());

        assertThat(api.session("on-spared")).isPresent();
        assertThat(api.session("unallocated")).isPresent();
        assertThat(api.createSession(Optional.of("on-doomed"), Optional.of(spared)).mediaNodeId()).isEqualTo(spared);
        List.of("on-doomed", "on-spared", "unallocated").forEach(api::closeSession);
    }
}
