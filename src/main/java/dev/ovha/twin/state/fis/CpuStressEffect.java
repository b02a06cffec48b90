package dev.ovha.twin.state.fis;

import dev.ovha.twin.sim.VirtualClock;
import dev.ovha.twin.state.Instance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code aws:ssm:send-command} with {@code AWSFIS-Run-CPU-Stress}: SSM runs stress-ng on every target
 * instance for {@code DurationSeconds}, which CloudWatch sees as the instances' CPU rising to the
 * document's load. The action completes after its {@code duration} parameter, or after the stress when
 * it has none. An instance SSM cannot reach (not managed, not running, or in a cut-off subnet) fails
 * the action before anything runs, as the command would fail to deliver. Stopping the experiment
 * cancels the command: the stress ends at once.
 */
final class CpuStressEffect implements ActionEffect {

    private final ActionContext context;
    private final CpuStressDocument document;
    private final Duration actionDuration;
    private CpuStress.Stress stress;
    private VirtualClock.Task end;

    CpuStressEffect(ActionContext context) {
        this.context = context;
        Map<String, String> parameters = context.run().spec().parameters();
        String name = context.run().name();
        this.document = CpuStressDocument.parse(name, parameters.get("documentArn"),
                parameters.getOrDefault("documentParameters", "{}"));
        this.actionDuration = Optional.ofNullable(parameters.get("duration"))
                .map(d -> ActionKind.duration(name, "duration", d)).orElse(document.stressDuration());
    }

    @Override
    public void start() {
        List<Instance> instances = context.instances();
        Optional<Instance> unreachable = instances.stream()
                .filter(i -> !context.world().ssmReachable().test(i.id())).findFirst();
        if (unreachable.isPresent() || instances.size() < context.targets().size()) {
            context.fail("the SSM command " + CpuStressDocument.NAME + " could not be delivered to instance "
                    + unreachable.map(Instance::id).orElse("(no longer exists)")
                    + ": it is not running, not managed by SSM, or not reachable");
            return;
        }
        Map<String, Double> levels = new LinkedHashMap<>();
        instances.forEach(i -> levels.put(i.id(), document.percentOn(i.instanceType())));
        stress = context.world().cpuStress().apply(levels, document.stressDuration());
        end = context.world().sim().after(actionDuration, "fis send-command done " + context.run().name(), context::complete);
    }

    @Override
    public void stop() {
        if (end != null) {
            end.cancel();
        }
        if (stress != null) {
            context.world().cpuStress().end(stress);
        }
    }
}
