package dev.ovha.driver;

/**
 * A media node's EC2 instance, a member of the media group.
 *
 * @param instanceId     EC2 instance id (OpenVidu's {@code environmentId})
 * @param zone           availability zone
 * @param lifecycleState the group's lifecycle state
 * @param privateIp      its private IP (where the masters connect)
 */
public record MediaInstance(String instanceId, String zone, String lifecycleState, String privateIp) {
}
