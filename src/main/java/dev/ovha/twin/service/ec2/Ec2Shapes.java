package dev.ovha.twin.service.ec2;

import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.state.Instance;
import dev.ovha.twin.state.InstanceState;
import dev.ovha.twin.state.Subnet;
import dev.ovha.twin.state.Zone;

import java.util.List;
import java.util.Map;

/** EC2 output shapes, with the model's camelCase location names. */
final class Ec2Shapes {

    private Ec2Shapes() {
    }

    static Struct state(InstanceState state) {
        return Struct.of().put("code", state.code()).put("name", state.apiName());
    }

    static Struct instance(Instance i) {
        Struct stateReason = i.stateReasonCode() == null ? null : Struct.of()
                .put("code", i.stateReasonCode())
                .put("message", "Client.UserInitiatedShutdown: User initiated shutdown");
        return Struct.of()
                .put("instanceId", i.id())
                .put("imageId", i.imageId())
                .put("instanceState", state(i.state()))
                .put("privateDnsName", i.state() == InstanceState.TERMINATED ? "" : i.privateDnsName())
                .put("dnsName", "")
                .put("reason", i.stateTransitionReason())
                .put("amiLaunchIndex", 0)
                .put("productCodes", List.of())
                .put("instanceType", i.instanceType())
                .put("launchTime", i.launchTime())
                .put("placement", Struct.of()
                        .put("availabilityZone", i.availabilityZone())
                        .put("groupName", "")
                        .put("tenancy", "default"))
                .put("monitoring", Struct.of().put("state", "disabled"))
                .put("subnetId", i.state() == InstanceState.TERMINATED ? null : i.subnet().id())
                .put("vpcId", i.state() == InstanceState.TERMINATED ? null : i.subnet().vpcId())
                .put("privateIpAddress", i.state() == InstanceState.TERMINATED ? null : i.privateIp())
                .put("sourceDestCheck", true)
                .put("groupSet", List.of(Struct.of().put("groupId", i.securityGroupId())))
                .put("stateReason", stateReason)
                .put("architecture", "x86_64")
                .put("rootDeviceType", "ebs")
                .put("rootDeviceName", "/dev/sda1")
                .put("blockDeviceMapping", List.of())
                .put("virtualizationType", "hvm")
                .put("clientToken", "")
                .put("tagSet", tags(i.tags()))
                .put("hypervisor", "xen")
                .put("networkInterfaceSet", List.of())
                .put("ebsOptimized", true);
    }

    static Struct subnet(Subnet s, String ownerId) {
        return Struct.of()
                .put("subnetId", s.id())
                .put("subnetArn", s.arn())
                .put("state", "available")
                .put("ownerId", ownerId)
                .put("vpcId", s.vpcId())
                .put("cidrBlock", s.cidrBlock())
                .put("ipv6CidrBlockAssociationSet", List.of())
                .put("availableIpAddressCount", 250)
                .put("availabilityZone", s.zone().name())
                .put("availabilityZoneId", s.zone().zoneId())
                .put("defaultForAz", false)
                .put("mapPublicIpOnLaunch", false)
                .put("assignIpv6AddressOnCreation", false)
                .put("tagSet", tags(s.tags()));
    }

    static Struct zone(Zone z) {
        return Struct.of()
                .put("optInStatus", "opt-in-not-required")
                .put("zoneName", z.name())
                .put("zoneId", z.zoneId())
                .put("zoneState", "available")
                .put("regionName", z.region())
                .put("groupName", z.region() + "-zg-1")
                .put("networkBorderGroup", z.region())
                .put("zoneType", "availability-zone")
                .put("messageSet", List.of());
    }

    static List<Struct> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Struct.of().put("key", e.getKey()).put("value", e.getValue())).toList();
    }
}
