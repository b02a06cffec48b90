package dev.ovha.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.config.Timeouts;
import dev.ovha.report.Evidence;
import dev.ovha.testing.TwinFixture;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.sim.Fault;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Which master hosts which session, through SSM and each master's own API, against a real-time twin. */
class SessionOwnersTwinTest {
    @AutoClose
    private static final TwinFixture fixture = TwinFixture.of(TwinOptions.defaults());

    private static List<String> masters() {
        return fixture.twin().inWorld(w -> w.masterGroup().instances().stream().map(i -> i.instanceId()).sorted().toList());
    }

    private static SessionOwners owners() {
        return new SessionOwners(new NodeCommands(fixture.aws(), Evidence.NONE,
                new Timeouts(Duration.ofSeconds(10), Duration.ofMillis(20))));
    }

    @Test
    void everySessionIsHostedByExactlyOneMasterAndBalancedRequestsReachBoth() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            created.add(fixture.openVidu().createSession(Optional.of("owners-test-" + i)).id());
        }
        SessionPlacement placement = owners().of(masters());

        assertThat(placement.unreadable()).isEmpty();
        assertThat(placement.hosted().keySet()).containsExactlyInAnyOrderElementsOf(masters());
        assertThat(placement.hosted().values()).allSatisfy(s -> assertThat(s).isNotEmpty());
        assertThat(created).allSatisfy(id -> assertThat(placement.ownerOf(id)).isPresent());
        assertThat(placement.hosted().values().stream().mapToInt(Set::size).sum()).isEqualTo(created.size());
        created.forEach(fixture.openVidu()::closeSession);
    }

    @Test
    void mastersSsmCannotReachAreNamedUnreadable() {
        fixture.twin().inject(Fault.MASTERS_NOT_SSM_MANAGED);
        try {
            assertThat(owners().of(masters()).unreadable()).containsExactlyElementsOf(masters());
        } finally {
            fixture.twin().clear(Fault.MASTERS_NOT_SSM_MANAGED);
        }
    }
}
