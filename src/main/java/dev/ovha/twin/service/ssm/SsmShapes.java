package dev.ovha.twin.service.ssm;

import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.state.ShellResult;
import dev.ovha.twin.state.SsmCommand;
import dev.ovha.twin.state.SsmInvocation;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * SSM output shapes. Command timestamps are JSON timestamps (epoch seconds); GetCommandInvocation's
 * Execution*DateTime are plain strings in the model, so they are ISO text.
 */
final class SsmShapes {

    private SsmShapes() {
    }

    static Struct command(SsmCommand c, String region) {
        return Struct.of()
                .put("CommandId", c.id())
                .put("DocumentName", c.documentName())
                .put("DocumentVersion", "$DEFAULT")
                .put("Comment", c.comment())
                .put("ExpiresAfter", c.requestedAt().plusSeconds(c.timeoutSeconds()))
                .put("Parameters", parameters(c))
                .put("InstanceIds", c.instanceIds())
                .put("Targets", List.of())
                .put("RequestedDateTime", c.requestedAt())
                .put("Status", "Pending")
                .put("StatusDetails", "Pending")
                .put("OutputS3Region", region)
                .put("MaxConcurrency", "50")
                .put("MaxErrors", "0")
                .put("TargetCount", c.instanceIds().size())
                .put("CompletedCount", 0)
                .put("ErrorCount", 0)
                .put("DeliveryTimedOutCount", 0)
                .put("TimeoutSeconds", c.timeoutSeconds());
    }

    static Struct invocation(SsmInvocation i) {
        ShellResult result = i.result();
        return Struct.of()
                .put("CommandId", i.command().id())
                .put("InstanceId", i.instanceId())
                .put("Comment", i.command().comment())
                .put("DocumentName", i.command().documentName())
                .put("DocumentVersion", "$DEFAULT")
                .put("PluginName", "aws:runShellScript")
                .put("ResponseCode", result == null ? -1 : result.exitCode())
                .put("ExecutionStartDateTime", text(i.startedAt()))
                .put("ExecutionElapsedTime", i.startedAt() == null || i.endedAt() == null ? ""
                        : Duration.between(i.startedAt(), i.endedAt()).toString())
                .put("ExecutionEndDateTime", text(i.endedAt()))
                .put("Status", i.status())
                .put("StatusDetails", i.status())
                .put("StandardOutputContent", result == null ? "" : result.stdout())
                .put("StandardOutputUrl", "")
                .put("StandardErrorContent", result == null ? "" : result.stderr())
                .put("StandardErrorUrl", "");
    }

    static Struct listed(SsmInvocation i, boolean details) {
        Struct item = Struct.of()
                .put("CommandId", i.command().id())
                .put("InstanceId", i.instanceId())
                .put("Comment", i.command().comment())
                .put("DocumentName", i.command().documentName())
                .put("DocumentVersion", "$DEFAULT")
                .put("RequestedDateTime", i.command().requestedAt())
                .put("Status", i.status())
                .put("StatusDetails", i.status());
        if (details) {
            ShellResult result = i.result();
            item.put("CommandPlugins", List.of(Struct.of()
                    .put("Name", "aws:runShellScript")
                    .put("Status", i.status())
                    .put("StatusDetails", i.status())
                    .put("ResponseCode", result == null ? -1 : result.exitCode())
                    .put("ResponseStartDateTime", i.startedAt())
                    .put("ResponseFinishDateTime", i.endedAt())
                    .put("Output", result == null ? "" : result.stdout())));
        }
        return item;
    }

    private static Struct parameters(SsmCommand c) {
        Struct parameters = Struct.of();
        c.parameters().forEach(parameters::put);
        return parameters;
    }

    private static String text(Instant at) {
        return at == null ? "" : DateTimeFormatter.ISO_INSTANT.format(at);
    }
}
