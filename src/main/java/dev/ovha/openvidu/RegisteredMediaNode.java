package dev.ovha.openvidu;

/**
 * A media node as the masters have registered it ({@code GET /openvidu/api/media-nodes}).
 *
 * @param id            {@code media_<environmentId>}
 * @param environmentId the EC2 instance id on AWS
 * @param ip            where the masters connect to it (its private IP)
 * @param status        launching, running, waiting-idle-to-terminate, terminating, ...
 * @param connected     false after an unexpected disconnection
 */
public record RegisteredMediaNode(String id, String environmentId, String ip, String status, boolean connected) {
}
