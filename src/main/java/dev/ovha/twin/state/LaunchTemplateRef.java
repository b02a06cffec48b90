package dev.ovha.twin.state;

/** The launch template a group launches from. */
public record LaunchTemplateRef(String id, String name, String version, String imageId, String instanceType,
                                String securityGroupId) {
}
