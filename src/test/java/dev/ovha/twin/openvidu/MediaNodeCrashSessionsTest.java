package dev.ovha.twin.openvidu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ovha.testing.TwinFixture;
import dev.ovha.twin.TwinOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A session created with the media node selector is allocated there at once; when that node crashes (its
 * instance dies without a terminate event) the masters close its sessions and no other, and the same id can be
 * created again on another node (openvidu-ha.md §2.5).
 */
class MediaNodeCrashSessionsTest {
    @AutoClose
    private static final TwinFixture fixture = TwinFixture.of(TwinOptions.defaults());

    @Test
    void aCrashedNodesSessionsAreClosedAndCanBeCreatedAgainElsewhere() {
        List<String> nodes = fixture.openVidu().mediaNodes().stream().map(n -> n.id()).sorted().toList();
        String doomed = nodes.get(0);
        String spared = nodes.get(1);
        assertThat(fixture.openVidu().createSession(Optional.of("on-doomed"), Optional.of(doomed)).mediaNodeId()).isEqualTo(doomed);
        assertThat(fixture.openVidu().createSession(Optional.of("on-spared"), Optional.of(spared)).mediaNodeId()).isEqualTo(spared);
        assertThat(fixture.openVidu().createSession(Optional.of("unallocated")).mediaNodeId()).as("allocated when a user joins").isEmpty();

        fixture.aws().ec2().terminateInstances(r -> r.instanceIds(doomed.substring("media_".length())));
        await("the crashed node's session closed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> fixture.openVidu().session("on-doomed").isEmpty());

        assertThat(fixture.openVidu().session("on-spared")).isPresent();
        assertThat(fixture.openVidu().session("unallocated")).isPresent();
        assertThat(fixture.openVidu().createSession(Optional.of("on-doomed"), Optional.of(spared)).mediaNodeId()).isEqualTo(spared);
        List.of("on-doomed", "on-spared", "unallocated").forEach(fixture.openVidu()::closeSession);
    }
}
