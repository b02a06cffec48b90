package dev.ovha.twin.state.fis;

import dev.ovha.twin.state.Instance;
import dev.ovha.twin.state.InstanceListener;
import dev.ovha.twin.state.InstanceState;

import java.util.ArrayList;
import java.util.List;

/**
 * EC2 listeners cannot be removed, and actions come and go: FIS registers this one listener once and
 * running actions that wait on instance states (terminate, stop) add and remove themselves here.
 */
final class InstanceWatch implements InstanceListener {

    private final List<InstanceListener> watchers = new ArrayList<>();

    void add(InstanceListener watcher) {
        watchers.add(watcher);
    }

    void remove(InstanceListener watcher) {
        watchers.remove(watcher);
    }

    @Override
    public void onTransition(Instance instance, InstanceState previous) {
        for (InstanceListener watcher : List.copyOf(watchers)) {
            watcher.onTransition(instance, previous);
        }
    }
}
