package dev.ovha.twin.state.fis;

import dev.ovha.twin.sim.VirtualClock;

/** {@code aws:fis:wait}: does nothing for {@code duration}; what {@code startAfter} orders around. */
final class WaitEffect implements ActionEffect {

    private final ActionContext context;
    private VirtualClock.Task end;

    WaitEffect(ActionContext context) {
        this.context = context;
    }

    @Override
    public void start() {
        end = context.world().sim().after(ActionKind.duration(context.run().name(), "duration",
                context.run().spec().parameters().get("duration")), "fis wait " + context.run().name(), context::complete);
    }

    @Override
    public void stop() {
        if (end != null) {
            end.cancel();
        }
    }
}
