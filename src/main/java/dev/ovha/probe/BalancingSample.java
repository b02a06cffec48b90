package dev.ovha.probe;

import dev.ovha.openvidu.OpenViduConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What repeated {@code GET /openvidu/api/config} requests through the load balancer showed.
 *
 * @param bound       the bound the requests were made under
 * @param answeredBy  the {@code AWS_INSTANCE_ID} of each answer, in order
 * @param configs     the first configuration each instance answered with
 */
public record BalancingSample(CoverageBound bound, List<String> answeredBy, Map<String, OpenViduConfig> configs) {
    public BalancingSample {
        answeredBy = List.copyOf(answeredBy);
        configs = new LinkedHashMap<>(configs);
    }

    public int requests() {
        return answeredBy.size();
    }
}
