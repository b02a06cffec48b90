package dev.ovha.twin.service.elbv2;

import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.state.HealthCheck;
import dev.ovha.twin.state.Listener;
import dev.ovha.twin.state.ListenerAction;
import dev.ovha.twin.state.LoadBalancer;
import dev.ovha.twin.state.Target;
import dev.ovha.twin.state.TargetGroup;

import java.util.List;

/** ELBv2 output shapes under their model member names. */
final class ElbShapes {

    private ElbShapes() {
    }

    static Struct loadBalancer(LoadBalancer lb) {
        return Struct.of()
                .put("LoadBalancerArn", lb.arn())
                .put("DNSName", lb.dnsName())
                .put("CanonicalHostedZoneId", lb.canonicalHostedZoneId())
                .put("CreatedTime", lb.createdTime())
                .put("LoadBalancerName", lb.name())
                .put("Scheme", lb.scheme())
                .put("VpcId", lb.vpcId())
                .put("State", Struct.of().put("Code", "active"))
                .put("Type", "application")
                .put("AvailabilityZones", lb.subnets().stream().map(s -> Struct.of()
                        .put("ZoneName", s.zone().name())
                        .put("SubnetId", s.id())
                        .put("LoadBalancerAddresses", List.of())).toList())
                .put("SecurityGroups", lb.securityGroups())
                .put("IpAddressType", "ipv4");
    }

    static Struct targetGroup(TargetGroup tg) {
        HealthCheck hc = tg.healthCheck();
        return Struct.of()
                .put("TargetGroupArn", tg.arn())
                .put("TargetGroupName", tg.name())
                .put("Protocol", tg.protocol())
                .put("Port", tg.port())
                .put("VpcId", tg.vpcId())
                .put("HealthCheckProtocol", hc.protocol())
                .put("HealthCheckPort", hc.port())
                .put("HealthCheckEnabled", true)
                .put("HealthCheckIntervalSeconds", (int) hc.interval().toSeconds())
                .put("HealthCheckTimeoutSeconds", (int) hc.timeout().toSeconds())
                .put("HealthyThresholdCount", hc.healthyThreshold())
                .put("UnhealthyThresholdCount", hc.unhealthyThreshold())
                .put("HealthCheckPath", hc.path())
                .put("Matcher", Struct.of().put("HttpCode", hc.matcher()))
                .put("LoadBalancerArns", tg.loadBalancerArns())
                .put("TargetType", "instance")
                .put("ProtocolVersion", "HTTP1")
                .put("IpAddressType", "ipv4");
    }

    static Struct targetHealth(Target t, TargetGroup tg) {
        return Struct.of()
                .put("Target", Struct.of().put("Id", t.id()).put("Port", t.port()))
                .put("HealthCheckPort", tg.healthCheck().port())
                .put("TargetHealth", Struct.of()
                        .put("State", t.state().apiName())
                        .put("Reason", t.reason())
                        .put("Description", t.description()));
    }

    static Struct unregistered(String id, int port, TargetGroup tg) {
        return Struct.of()
                .put("Target", Struct.of().put("Id", id).put("Port", port))
                .put("HealthCheckPort", tg.healthCheck().port())
                .put("TargetHealth", Struct.of()
                        .put("State", "unused")
                        .put("Reason", "Target.NotRegistered")
                        .put("Description", "Target is not registered to the target group"));
    }

    static Struct listener(Listener l) {
        return Struct.of()
                .put("ListenerArn", l.arn())
                .put("LoadBalancerArn", l.loadBalancerArn())
                .put("Port", l.port())
                .put("Protocol", l.protocol())
                .put("Certificates", l.certificateArn() == null ? null
                        : List.of(Struct.of().put("CertificateArn", l.certificateArn())))
                .put("SslPolicy", l.sslPolicy())
                .put("DefaultActions", l.defaultActions().stream().map(ElbShapes::action).toList());
    }

    private static Struct action(ListenerAction a) {
        Struct action = Struct.of().put("Type", a.type()).put("TargetGroupArn", a.targetGroupArn());
        if (a.targetGroupArn() != null) {
            action.put("ForwardConfig", Struct.of()
                    .put("TargetGroups", List.of(Struct.of().put("TargetGroupArn", a.targetGroupArn()).put("Weight", 1)))
                    .put("TargetGroupStickinessConfig", Struct.of().put("Enabled", false)));
        }
        if (a.redirectStatusCode() != null) {
            action.put("RedirectConfig", Struct.of()
                    .put("Protocol", a.redirectProtocol())
                    .put("Port", a.redirectPort())
                    .put("Host", "#{host}")
                    .put("Path", "/#{path}")
                    .put("Query", "#{query}")
                    .put("StatusCode", a.redirectStatusCode()));
        }
        if (a.fixedStatusCode() != null) {
            action.put("FixedResponseConfig", Struct.of().put("StatusCode", a.fixedStatusCode()));
        }
        return action;
    }
}
