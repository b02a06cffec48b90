package dev.ovha.rules;

import dev.ovha.config.Secret;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules a parameter set of the vendor's HA template must follow to give a working stack: the
 * template's own constraints and the deployment page's advice ({@code openvidu-ha.md} §3.1, §6). The
 * same rules check a deployed stack's parameters and a local parameters file before deploying.
 *
 * <p>NoEcho parameters read {@code ****} on a deployed stack; their rules are skipped, except the
 * secret's, which is checked on the secret the harness was given instead.
 */
public final class ParameterRules {
    static final String MASKED = "****";
    /** ALB and target group names have at most 32 characters; the template names the ALB {@code <stack>-lb}. */
    static final int STACK_NAME_MAX = 29;
    private static final Pattern SECRET = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final Pattern CLUSTER_ID = Pattern.compile("[a-z0-9_-]+");
    private static final Pattern URL_WITH_PORT = Pattern.compile("https?://[^:/\\s]+:[0-9]{1,5}(/.*)?");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9][a-z0-9-]{0,61}[a-z0-9]");
    private static final int ES_PASSWORD_MIN = 6;

    private ParameterRules() {
    }

    /**
     * One broken rule.
     *
     * @param parameter the parameter (or {@code stack name}) at fault
     * @param problem   what is wrong and what to do, in one sentence; never a secret's value
     */
    public record Violation(String parameter, String problem) {
        @Override
        public String toString() {
            return parameter + ": " + problem;
        }
    }

    /**
     * What the rules look at.
     *
     * @param parameters       parameter values by key
     * @param stackName        the stack's name, when known (a parameters file does not hold it)
     * @param configuredSecret the secret the harness was given, used when the parameter is masked
     * @param subnetZones      availability zone of each subnet, when they could be resolved
     */
    public record Input(Map<String, String> parameters, Optional<String> stackName, Optional<Secret> configuredSecret,
                        Optional<Map<String, String>> subnetZones) {
        public Input {
            parameters = new TreeMap<>(parameters);
        }
    }

    public static List<Violation> check(Input input) {
        List<Violation> violations = new ArrayList<>();
        Map<String, String> p = input.parameters();
        input.stackName().filter(name -> name.length() > STACK_NAME_MAX).ifPresent(name -> violations.add(
                new Violation("stack name", "'" + name + "' has " + name.length() + " characters; the template"
                        + " names the load balancer '<stack>-lb' and the target group '<stack>', which AWS limits"
                        + " to 32 characters, so the stack name may have at most " + STACK_NAME_MAX
                        + ". Deploy the stack under a shorter name.")));
        domain(p, violations);
        secret(p, input.configuredSecret(), violations);
        clusterId(p, violations);
        elasticsearch(p, violations);
        subnets(p, input.subnetZones(), violations);
        sizes(p, "Master", violations);
        sizes(p, "Media", violations);
        cpu(p, violations);
        return violations;
    }

    private static void domain(Map<String, String> p, List<Violation> out) {
        String domain = p.getOrDefault("DomainName", "");
        if (domain.isEmpty() || !DOMAIN.matcher(domain).matches()) {
            out.add(new Violation("DomainName", "'" + domain + "' is not a fully qualified domain name in lower"
                    + " case, as the template requires (for example openvidu.example.com)."));
        }
    }

    private static void secret(Map<String, String> p, Optional<Secret> configured, List<Violation> out) {
        String value = p.getOrDefault("OpenViduSecret", "");
        Optional<String> secret = MASKED.equals(value) ? configured.map(Secret::reveal) : Optional.of(value);
        if (secret.isPresent() && !SECRET.matcher(secret.get()).matches()) {
            // Never the value: only what is wrong with it.
            out.add(new Violation("OpenViduSecret", (MASKED.equals(value) ? "the secret the harness was given"
                    : "the value") + " is empty or contains characters OpenVidu refuses (it allows letters, digits,"
                    + " '-' and '_'), so OpenVidu will not start. Choose a secret of those characters."));
        }
    }

    private static void clusterId(Map<String, String> p, List<Violation> out) {
        String id = p.getOrDefault("OpenViduProClusterId", "");
        if (!CLUSTER_ID.matcher(id).matches()) {
            out.add(new Violation("OpenViduProClusterId", "'" + id + "' must be lower-case letters, digits, '-'"
                    + " or '_' (the template's rule; the configuration bucket is named after it)."));
        }
    }

    private static void elasticsearch(Map<String, String> p, List<Violation> out) {
        boolean enabled = !"false".equals(p.getOrDefault("ElasticsearchEnabled", "true"));
        List<String> settings = List.of("ElasticsearchUrl", "KibanaUrl", "ElasticsearchUser", "ElasticsearchPassword");
        if (!enabled) {
            for (String key : settings) {
                String value = p.getOrDefault(key, "");
                if (!value.isEmpty() && !MASKED.equals(value)) {
                    out.add(new Violation(key, "must be empty when ElasticsearchEnabled is false (the template's"
                            + " ElasticsearchDisabledValidation rule; note that ElasticsearchUser defaults to"
                            + " 'elasticadmin' and has to be cleared)."));
                }
            }
            return;
        }
        for (String key : List.of("ElasticsearchUrl", "KibanaUrl")) {
            String url = p.getOrDefault(key, "");
            if (!URL_WITH_PORT.matcher(url).matches()) {
                out.add(new Violation(key, "'" + url + "' must be an http(s) URL with an explicit port, even when it"
                        + " is 443 (the vendor's deployment page insists), e.g. https://es.example.com:443."));
            }
        }
        if (p.getOrDefault("ElasticsearchUser", "").isEmpty()) {
            out.add(new Violation("ElasticsearchUser", "must be set when Elasticsearch is enabled (the template's"
                    + " ElasticsearchValidation rule)."));
        }
        String password = p.getOrDefault("ElasticsearchPassword", "");
        if (!MASKED.equals(password) && password.length() < ES_PASSWORD_MIN) {
            out.add(new Violation("ElasticsearchPassword", "has fewer than " + ES_PASSWORD_MIN + " characters:"
                    + " OpenVidu's start script refuses it, and the masters never become healthy."));
        }
    }

    private static void subnets(Map<String, String> p, Optional<Map<String, String>> zones, List<Violation> out) {
        List<String> subnets = Arrays.stream(p.getOrDefault("OpenViduSubnets", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (subnets.size() < 2) {
            out.add(new Violation("OpenViduSubnets", "names " + subnets.size() + " subnet(s) " + subnets
                    + "; the vendor requires at least two, in different availability zones, for high availability."));
            return;
        }
        zones.ifPresent(known -> {
            TreeSet<String> distinct = new TreeSet<>();
            subnets.forEach(s -> distinct.add(known.getOrDefault(s, "unknown zone")));
            if (distinct.size() < 2) {
                out.add(new Violation("OpenViduSubnets", String.join(", ", subnets) + " all lie in "
                        + distinct.first() + ", so every master stands in one zone and a zone outage takes the"
                        + " whole cluster down. The OpenViduSubnets parameter needs subnets in two availability"
                        + " zones: update the stack with one subnet from another zone."));
            }
        });
    }

    private static void sizes(Map<String, String> p, String role, List<Violation> out) {
        String min = "Min" + role + "Nodes";
        String desired = "Desired" + role + "Nodes";
        String max = "Max" + role + "Nodes";
        Optional<Integer> lo = number(p, min, out);
        Optional<Integer> mid = number(p, desired, out);
        Optional<Integer> hi = number(p, max, out);
        lo.filter(v -> v < 1).ifPresent(v -> out.add(new Violation(min, v + " is below the template's minimum of 1.")));
        if (lo.isPresent() && mid.isPresent() && hi.isPresent()
                && !(lo.get() <= mid.get() && mid.get() <= hi.get())) {
            out.add(new Violation(desired, "needs " + min + " <= " + desired + " <= " + max + ", but they are "
                    + lo.get() + ", " + mid.get() + " and " + hi.get() + ": Auto Scaling refuses such a group and the"
                    + " deployment fails."));
        }
    }

    private static void cpu(Map<String, String> p, List<Violation> out) {
        Optional<Integer> up = number(p, "ScaleUpMediaNodesAvgCpu", out);
        Optional<Integer> down = number(p, "ScaleDownMediaNodesAvgCpu", out);
        if (up.isPresent() && down.isPresent() && down.get() >= up.get()) {
            out.add(new Violation("ScaleDownMediaNodesAvgCpu", down.get() + " is not below ScaleUpMediaNodesAvgCpu "
                    + up.get() + ": the media group would add and remove nodes in turn. Keep scale-down below"
                    + " scale-up (the vendor's example: 30 and 70)."));
        }
    }

    private static Optional<Integer> number(Map<String, String> p, String key, List<Violation> out) {
        String value = p.get(key);
        if (value == null) {
            out.add(new Violation(key, "is missing; every parameter of the HA template must be given."));
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            out.add(new Violation(key, "'" + value + "' is not a whole number."));
            return Optional.empty();
        }
    }
}
