package dev.ovha.twin.state.fis;

import dev.ovha.twin.sim.VirtualClock;
import dev.ovha.twin.state.NetworkState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code aws:network:disrupt-connectivity} with scope {@code all}: every target subnet is cut off for
 * {@code duration} (on AWS, a deny-all network ACL replaces the subnet's own), then connectivity
 * returns and the action completes. Stopping the experiment puts the network back at once.
 */
final class DisruptConnectivityEffect implements ActionEffect {

    private final ActionContext context;
    private final Duration duration;
    private final List<NetworkState.Disruption> disruptions = new ArrayList<>();
    private VirtualClock.Task end;

    DisruptConnectivityEffect(ActionContext context) {
        this.context = context;
        this.duration = ActionKind.duration(context.run().name(), "duration", context.run().spec().parameters().get("duration"));
    }

    @Override
    public void start() {
        NetworkState network = context.world().ec2().network();
        for (ResolvedTarget subnet : context.targets()) {
            disruptions.add(network.cut(subnet.resourceId(), duration, context.experiment().id()));
        }
        end = context.world().sim().after(duration, "fis connectivity back " + context.run().name(), context::complete);
    }

    @Override
    public void stop() {
        if (end != null) {
            end.cancel();
        }
        disruptions.forEach(context.world().ec2().network()::restore);
    }
}
