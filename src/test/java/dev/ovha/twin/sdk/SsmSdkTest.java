package dev.ovha.twin.sdk;

import dev.ovha.twin.sim.Fault;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.CommandInvocationStatus;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.SendCommandResponse;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SsmSdkTest extends TwinSdkTestBase {

    private static final String GREP_SCHEDULE = "cd /opt/openvidu && docker-compose logs replication-manager | grep 'custom.autoscaling_schedule'";

    @Test
    void aMastersLogIsReadThroughRunCommand() {
        twin.advance(Duration.ofMinutes(3));
        List<String> masters = masters();
        SendCommandResponse sent = aws.ssm().sendCommand(r -> r.documentName("AWS-RunShellScript").instanceIds(masters)
                .parameters(Map.of("commands", List.of(GREP_SCHEDULE))).comment("ovha: events reach the masters"));
        String id = sent.command().commandId();
        assertThat(sent.command().requestedDateTime()).isNotNull();
        assertThatThrownBy(() -> aws.ssm().getCommandInvocation(r -> r.commandId(id).instanceId(masters.get(0))))
                .as("not visible yet, as on AWS").isInstanceOf(InvocationDoesNotExistException.class);
        twin.advance(Duration.ofSeconds(3));
        List<GetCommandInvocationResponse> results = masters.stream()
                .map(m -> aws.ssm().getCommandInvocation(r -> r.commandId(id).instanceId(m))).toList();
        assertThat(results).allSatisfy(r -> assertThat(r.status()).isIn(CommandInvocationStatus.SUCCESS, CommandInvocationStatus.FAILED));
        assertThat(results).anySatisfy(r -> {
            assertThat(r.status()).isEqualTo(CommandInvocationStatus.SUCCESS);
            assertThat(r.responseCode()).isZero();
            assertThat(r.standardOutputContent()).contains("Notification content: {\"source\":\"custom.autoscaling_schedule\"");
        });
        assertThat(aws.ssm().listCommandInvocationsPaginator(r -> r.commandId(id).details(true)).commandInvocations())
                .hasSize(2);
    }

    @Test
    void grepFindingNothingIsAFailedInvocationWithExitCodeOne() {
        String master = masters().get(0);
        String id = aws.ssm().sendCommand(r -> r.documentName("AWS-RunShellScript").instanceIds(master)
                .parameters(Map.of("commands", List.of("cd /opt/openvidu && docker-compose logs replication-manager | grep 'terminated in autoscaling group'"))))
                .command().commandId();
        twin.advance(Duration.ofSeconds(3));
        GetCommandInvocationResponse result = aws.ssm().getCommandInvocation(r -> r.commandId(id).instanceId(master));
        assertThat(result.status()).isEqualTo(CommandInvocationStatus.FAILED);
        assertThat(result.responseCode()).isEqualTo(1);
        assertThat(result.standardOutputContent()).isEmpty();
    }

    @Test
    void mastersWithoutTheSsmRoleAreNotManaged() {
        twin.inject(Fault.MASTERS_NOT_SSM_MANAGED);
        assertThatThrownBy(() -> aws.ssm().sendCommand(r -> r.documentName("AWS-RunShellScript").instanceIds(masters().get(0))
                .parameters(Map.of("commands", List.of("uptime"))))).isInstanceOf(InvalidInstanceIdException.class);
    }

    private List<String> masters() {
        return aws.autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(masterGroup())).autoScalingGroups().get(0)
                .instances().stream().map(i -> i.instanceId()).toList();
    }
}
