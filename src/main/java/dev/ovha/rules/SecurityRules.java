package dev.ovha.rules;

import dev.ovha.driver.Stack;
import dev.ovha.openvidu.HttpAnswer;
import dev.ovha.openvidu.OpenViduEndpoint;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The stack's doors: its root, its authentication and its plain-HTTP listener. */
public final class SecurityRules {
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 307, 308);

    private SecurityRules() {
    }

    /** The template's listener rule answers {@code GET /} with a fixed 401: proof the domain reaches this stack. */
    public static List<String> rootIsTheBalancers401(HttpAnswer root, Stack stack) {
        if (root.status() == 401) {
            return List.of();
        }
        return List.of(root.summary() + ", expected the fixed 401 of the stack's load balancer: the domain does not"
                + " lead to this stack. Point " + stack.domainName() + " at " + stack.output("LoadBalancerUrl")
                .orElse("the load balancer") + " with a CNAME record." + (root.body().isEmpty() ? ""
                : " It answered: " + root.bodyExcerpt()));
    }

    /** Every API path refuses the request with 401. */
    public static List<String> allRefused(List<HttpAnswer> answers, String credentials) {
        List<HttpAnswer> let = answers.stream().filter(a -> a.status() != 401).toList();
        if (let.isEmpty()) {
            return List.of();
        }
        return List.of("With " + credentials + ", expected 401 on every API path, but "
                + let.stream().map(HttpAnswer::summary).collect(Collectors.joining("; "))
                + ". The API must only answer to the OpenVidu secret.");
    }

    /** Plain HTTP answers with a redirect to the same host and path over HTTPS. */
    public static List<String> redirectsToHttps(HttpAnswer answer, OpenViduEndpoint endpoint, String path) {
        if (!REDIRECTS.contains(answer.status()) || answer.location().isEmpty()) {
            return List.of(answer.summary() + ", expected a redirect (301) to " + endpoint.url() + path
                    + ": the load balancer's port-80 listener must redirect to HTTPS, as the template sets it up."
                    + (answer.body().isEmpty() ? "" : " It answered: " + answer.bodyExcerpt()));
        }
        URI location = URI.create(answer.location().get());
        URI base = endpoint.url();
        boolean sameHost = location.getHost() == null || location.getHost().equalsIgnoreCase(base.getHost());
        if (!"https".equalsIgnoreCase(location.getScheme()) || !sameHost
                || !path.equals(location.getRawPath())) {
            return List.of(answer.summary() + ", expected a redirect to " + endpoint.url() + path
                    + " (same host and path, over HTTPS).");
        }
        return List.of();
    }
}
