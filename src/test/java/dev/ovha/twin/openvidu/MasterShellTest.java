package dev.ovha.twin.openvidu;

import dev.ovha.twin.state.ShellResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MasterShellTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    private final NodeLog log = new NodeLog();

    MasterShellTest() {
        log.replicationManager(NOW.minusSeconds(600), "INFO", "i.o.r.m.s.SQSNotificationListenerAWS",
                "Notification content: {\"source\":\"custom.autoscaling_schedule\",\"detail\":{\"time\":\"2026-01-05T09:50:00Z\"}}");
        log.replicationManager(NOW.minusSeconds(60), "INFO", "i.o.r.m.s.SQSNotificationListenerAWS",
                "New Media Node (i-0abc,10.0.1.12) launched in autoscaling group");
        log.openViduServer(NOW.minusSeconds(30), "INFO", "io.openvidu.server.pro.OpenViduServerPro", "ready");
    }

    @Test
    void printsAServicesLogInTheVendorsFormat() {
        ShellResult result = run("cd /opt/openvidu && docker-compose logs replication-manager");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().lines()).hasSize(2).allSatisfy(line ->
                assertThat(line).matches("openvidu-replication-manager-1  \\| 2026-01-05 09:\\d\\d:00\\.000  INFO 8 --- \\[           main] "
                        + "i\\.o\\.r\\.m\\.s\\.SQSNotificationListenerAWS\\s+: .+"));
    }

    @Test
    void sinceTailAndGrepNarrowTheOutput() {
        assertThat(run("cd /opt/openvidu && docker-compose logs --since 5m replication-manager").stdout().lines()).hasSize(1);
        assertThat(run("cd /opt/openvidu && docker compose logs --tail 1 replication-manager").stdout()).contains("New Media Node");
        ShellResult grep = run("cd /opt/openvidu && docker-compose logs replication-manager | grep 'launched in autoscaling group'");
        assertThat(grep.exitCode()).isZero();
        assertThat(grep.stdout()).contains("(i-0abc,10.0.1.12)");
        assertThat(run("cd /opt/openvidu && docker-compose logs openvidu-server | grep -c ready").stdout()).isEqualTo("1\n");
    }

    @Test
    void timestampsAndAnAbsoluteSinceAreDockers() {
        ShellResult result = run("cd /opt/openvidu && docker-compose logs -t --no-color --since 2026-01-05T09:58:30Z"
                + " replication-manager | grep -F 'launched in autoscaling group'");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("openvidu-replication-manager-1  | 2026-01-05T09:59:00.000000000Z 2026-01-05 09:59:00.000  INFO");
        assertThat(run("cd /opt/openvidu && docker-compose logs --since 2026-01-05T09:59:01Z replication-manager").stdout())
                .isEmpty();
    }

    @Test
    void grepFindingNothingExitsOneAndUnknownThingsFailAsBashWould() {
        ShellResult none = run("cd /opt/openvidu && docker-compose logs replication-manager | grep 'terminated in autoscaling group'");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.stdout()).isEmpty();
        assertThat(run("cd /opt/openvidu && docker-compose logs kms").stderr()).contains("No such service: kms");
        assertThat(run("cd /srv && docker-compose logs replication-manager").exitCode()).isEqualTo(1);
        assertThat(run("rm -rf /").exitCode()).isEqualTo(127);
    }

    private ShellResult run(String command) {
        return MasterShell.run(log, NOW, List.of(command));
    }
}
