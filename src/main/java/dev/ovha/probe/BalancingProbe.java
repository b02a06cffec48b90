package dev.ovha.probe;

import dev.ovha.openvidu.OpenViduApi;
import dev.ovha.openvidu.OpenViduConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asks the load-balanced API for its configuration until every expected master has answered or the
 * {@link CoverageBound} is used up, recording who answered each time. This is how the vendor's manual
 * check ("AWS_INSTANCE_ID should be different on each request") becomes a check with a known error rate,
 * and how the harness reaches every master behind a load balancer it cannot address directly.
 */
public final class BalancingProbe {
    private final OpenViduApi api;

    public BalancingProbe(OpenViduApi api) {
        this.api = api;
    }

    /** Requests until {@code expected} have all answered (at least once each) or {@code bound} requests were made. */
    public BalancingSample sample(Set<String> expected, CoverageBound bound) {
        List<String> answeredBy = new ArrayList<>();
        Map<String, OpenViduConfig> configs = new LinkedHashMap<>();
        // With one master there is nothing to discover: all requests are made to show that its id is stable.
        boolean stopWhenAllSeen = bound.masters() > 1;
        while (answeredBy.size() < bound.requests()
                && !(stopWhenAllSeen && configs.keySet().containsAll(expected))) {
            OpenViduConfig config = api.config();
            answeredBy.add(config.instanceId());
            configs.putIfAbsent(config.instanceId(), config);
        }
        return new BalancingSample(bound, answeredBy, configs);
    }
}
