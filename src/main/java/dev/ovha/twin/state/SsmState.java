package dev.ovha.twin.state;

import dev.ovha.twin.sim.Sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * SSM Run Command: commands sent to managed instances run {@code AWS-RunShellScript} through the
 * instance's {@link ShellRunner}. Like the real service, an invocation is not visible for
 * {@code ssmInvocationDelay} after SendCommand, then runs for {@code ssmExecution}.
 */
public final class SsmState {

    /** Commands kept; older ones are forgotten, as SSM forgets them after 30 days. */
    static final int HISTORY = 1_000;

    private final Sim sim;
    private final dev.ovha.twin.sim.SeededIds ids;
    private final Predicate<String> managed;
    private final ShellRunner shell;
    private final Map<String, SsmCommand> commands = new LinkedHashMap<>();
    private final List<SsmInvocation> invocations = new ArrayList<>();

    public SsmState(Sim sim, Predicate<String> managed, ShellRunner shell) {
        this.sim = sim;
        // Its own id stream: polling logs through SSM must not shift the instance ids.
        this.ids = sim.ids().fork("ssm");
        this.managed = managed;
        this.shell = shell;
    }

    public boolean isManaged(String instanceId) {
        return managed.test(instanceId);
    }

    /** Accepts a command for managed instances; callers check {@link #isManaged} first. */
    public SsmCommand send(String documentName, List<String> instanceIds, Map<String, List<String>> parameters,
                           String comment, int timeoutSeconds) {
        SsmCommand command = new SsmCommand(ids.uuid(), documentName, List.copyOf(instanceIds), Map.copyOf(parameters),
                comment, timeoutSeconds, sim.now());
        commands.put(command.id(), command);
        if (commands.size() > HISTORY) {
            String oldest = commands.keySet().iterator().next();
            commands.remove(oldest);
            invocations.removeIf(i -> i.command().id().equals(oldest));
        }
        for (String instanceId : instanceIds) {
            SsmInvocation invocation = new SsmInvocation(command, instanceId, sim.now().plus(sim.timings().ssmInvocationDelay()));
            invocations.add(invocation);
            sim.after(sim.timings().ssmInvocationDelay(), "ssm start " + command.id(), () -> {
                invocation.start(sim.now());
                sim.after(sim.timings().ssmExecution(), "ssm done " + command.id(), () -> {
                    ShellResult result = shell.run(instanceId, parameters.getOrDefault("commands", List.of()));
                    invocation.finish(sim.now(), result);
                    sim.log().record("ssm.invocation", instanceId, "command", command.id(), "status", invocation.status());
                });
            });
        }
        sim.log().record("ssm.command", command.id(), "document", documentName, "instances", String.join(",", instanceIds));
        return command;
    }

    public Optional<SsmCommand> command(String id) {
        return Optional.ofNullable(commands.get(id));
    }

    public List<SsmCommand> commands() {
        return List.copyOf(commands.values());
    }

    /** The invocation, once visible. */
    public Optional<SsmInvocation> invocation(String commandId, String instanceId) {
        return visible().stream()
                .filter(i -> i.command().id().equals(commandId) && i.instanceId().equals(instanceId))
                .findFirst();
    }

    /** Visible invocations, newest first, as ListCommandInvocations lists them. */
    public List<SsmInvocation> visible() {
        List<SsmInvocation> list = new ArrayList<>();
        for (int i = invocations.size() - 1; i >= 0; i--) {
            if (!sim.now().isBefore(invocations.get(i).visibleAt())) {
                list.add(invocations.get(i));
            }
        }
        return list;
    }
}
