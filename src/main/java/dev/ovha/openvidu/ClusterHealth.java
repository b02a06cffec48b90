package dev.ovha.openvidu;

import java.util.List;

/**
 * {@code GET /openvidu/api/health}: 200 UP, 409 UNSTABLE (some media nodes disconnected) or 503 DOWN.
 * From 2.28 the HA body lists every master; before, only the cluster's status.
 *
 * @param httpStatus             the HTTP status of the answer
 * @param status                 {@code clusterStatus} (2.28+) or {@code status}
 * @param masters                the masters the answer lists (empty before 2.28)
 * @param disconnectedMediaNodes media nodes some master reports disconnected
 */
public record ClusterHealth(int httpStatus, String status, List<MasterHealth> masters,
                            List<String> disconnectedMediaNodes) {
    public ClusterHealth {
        masters = List.copyOf(masters);
        disconnectedMediaNodes = List.copyOf(disconnectedMediaNodes);
    }

    /** Whether the answer has the HA shape with a list of masters (2.28+). */
    public boolean listsMasters() {
        return !masters.isEmpty();
    }

    /**
     * One master in the health answer.
     *
     * @param id     {@code master_<private IP>}
     * @param status UP, UNSTABLE or DOWN
     * @param uri    {@code http://<private IP>:5443}
     */
    public record MasterHealth(String id, String status, String uri) {
    }
}
