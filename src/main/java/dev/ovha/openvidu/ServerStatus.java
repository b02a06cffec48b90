package dev.ovha.openvidu;

/**
 * {@code GET /openvidu/api/status} of the master that answered (undocumented, used by the vendor's tests).
 *
 * @param startTime       UTC milliseconds
 * @param restartCounter  restarts since start
 * @param lastRestartTime UTC milliseconds, 0 if never restarted
 */
public record ServerStatus(long startTime, int restartCounter, long lastRestartTime) {
}
