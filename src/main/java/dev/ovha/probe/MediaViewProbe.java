package dev.ovha.probe;

import dev.ovha.openvidu.OpenViduApi;
import dev.ovha.openvidu.RegisteredMediaNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the load-balanced API for its media nodes as many times as the {@link CoverageBound} says it
 * takes to reach every master. An answer does not name the master that gave it (unlike
 * {@code /config}'s {@code AWS_INSTANCE_ID}), so the check is that all answers agree: a master with
 * another view shows up among them unless the balancer never sent it a request, which happens to a
 * correctly balancing stack less often than the bound's false-failure probability.
 */
public final class MediaViewProbe {
    private final OpenViduApi api;

    public MediaViewProbe(OpenViduApi api) {
        this.api = api;
    }

    public MediaViewSample sample(CoverageBound bound) {
        List<List<RegisteredMediaNode>> answers = new ArrayList<>();
        for (int i = 0; i < bound.requests(); i++) {
            answers.add(api.mediaNodes());
        }
        return new MediaViewSample(bound, answers);
    }
}
