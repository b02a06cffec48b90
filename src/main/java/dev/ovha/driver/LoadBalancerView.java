package dev.ovha.driver;

import java.util.List;

/**
 * The stack's Application Load Balancer and its listeners.
 *
 * @param name      {@code <stack>-lb}
 * @param dnsName   its DNS name, which the domain should be a CNAME of
 * @param scheme    internet-facing
 * @param zones     availability zones it serves
 * @param listeners its listeners
 */
public record LoadBalancerView(String name, String dnsName, String scheme, List<String> zones,
                               List<Listener> listeners) {
    public LoadBalancerView {
        zones = List.copyOf(zones);
        listeners = List.copyOf(listeners);
    }

    /**
     * A listener.
     *
     * @param port           80 or 443
     * @param protocol       HTTP or HTTPS
     * @param defaultActions e.g. {@code forward}, {@code redirect}
     */
    public record Listener(int port, String protocol, List<String> defaultActions) {
        public Listener {
            defaultActions = List.copyOf(defaultActions);
        }
    }
}
