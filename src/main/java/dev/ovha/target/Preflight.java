package dev.ovha.target;

import dev.ovha.chaos.ChaosRefused;
import dev.ovha.config.ConfigException;
import dev.ovha.config.Secret;
import dev.ovha.driver.Account;
import dev.ovha.driver.CallerIdentity;
import dev.ovha.driver.Stack;
import dev.ovha.driver.StackDriver;
import dev.ovha.driver.StackNotFound;
import dev.ovha.openvidu.HttpAnswer;
import dev.ovha.openvidu.NoAnswer;
import dev.ovha.openvidu.OpenViduApi;
import dev.ovha.openvidu.OpenViduEndpoint;
import dev.ovha.openvidu.OpenViduUnreachable;
import dev.ovha.probe.ServedCertificate;
import dev.ovha.probe.TlsProbe;
import dev.ovha.report.Evidence;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What must hold before any scenario runs, because without it every verdict would be noise: AWS accepts
 * the credentials, the stack exists in the region, its domain resolves and serves a trusted certificate,
 * and OpenVidu accepts the secret. Each failure is one {@link RunRefused} line naming the fix. The same
 * checks run against the twin and a live stack.
 */
final class Preflight {
    private final TargetEnvironment env;
    private final String region;

    Preflight(TargetEnvironment env) {
        this.env = env;
        this.region = env.aws().target().region().id();
    }

    PreflightReport run() {
        List<String> warnings = new ArrayList<>();
        CallerIdentity identity = aws("signing in (STS GetCallerIdentity)",
                () -> new Account(env.aws(), Evidence.NONE).identity());
        Stack stack = stack(identity);
        OpenViduEndpoint endpoint = endpoint(stack);
        ServedCertificate certificate = certificate(endpoint, stack);
        Optional<String> version = Optional.empty();
        if (certificate.validForHost()) {
            version = checkSecret(endpoint);
        } else {
            warnings.add("the certificate served for " + endpoint.host() + " is not valid for that name (it names "
                    + certificate.names() + "); the @preflight certificate scenario reports it, and HTTPS checks"
                    + " will fail; the secret could not be checked");
        }
        requireConsistentOptIns();
        return new PreflightReport(identity, stack.name(), stack.status(), endpoint, certificate, version, warnings);
    }

    private Stack stack(CallerIdentity identity) {
        try {
            return aws("reading stack " + env.stackName(), () -> new StackDriver(env.aws(), Evidence.NONE)
                    .discover(env.stackName()));
        } catch (StackNotFound e) {
            throw new RunRefused("stack '" + e.stackName() + "' does not exist in region " + e.region() + " of account "
                    + identity.account() + ": check ovha.stack (the CloudFormation stack name) and ovha.region");
        }
    }

    private OpenViduEndpoint endpoint(Stack stack) {
        EndpointOverrides given = env.overrides();
        URI url = given.url().orElseGet(() -> {
            String domain = stack.domainName();
            if (domain.isBlank()) {
                throw new RunRefused("stack " + stack.name() + " has no DomainName parameter, so the harness does"
                        + " not know where OpenVidu answers: set ovha.openvidu.url");
            }
            return URI.create("https://" + domain);
        });
        URI httpUrl = given.httpUrl().orElseGet(() -> TargetEnvironment.httpUrlOf(url));
        Secret secret = given.secret().orElseThrow(() -> new RunRefused("ovha.openvidu.secret is not set"));
        return new OpenViduEndpoint(url, httpUrl, given.caPem(), secret, env.config().openvidu().attempts());
    }

    private ServedCertificate certificate(OpenViduEndpoint endpoint, Stack stack) {
        String where = endpoint.host() + ":" + endpoint.port();
        try {
            return new TlsProbe(endpoint.caPem(), Clock.systemUTC()).probe(endpoint.host(), endpoint.port());
        } catch (IOException e) {
            String loadBalancer = stack.output("LoadBalancerUrl").orElse("the stack's LoadBalancerUrl output");
            throw new RunRefused(switch (NoAnswer.kind(e)) {
                case UNKNOWN_HOST -> endpoint.host() + " does not resolve: point the domain at the load balancer "
                        + loadBalancer + " with a CNAME record, or set ovha.openvidu.url";
                case REFUSED -> where + " refuses connections: is " + endpoint.host() + " the load balancer "
                        + loadBalancer + "? Otherwise set ovha.openvidu.url";
                case TIMEOUT -> where + " does not answer (timed out): check that the domain points at "
                        + loadBalancer + " and that its security group allows 443 from here";
                case TLS_UNTRUSTED -> "the certificate served by " + where + " is not trusted ("
                        + NoAnswer.rootCause(e) + "): if a private CA issued it, give that CA's PEM file with"
                        + " ovha.tls.ca; if it has expired, renew the LoadBalancerCertificateARN certificate";
                default -> "TLS to " + where + " failed: " + NoAnswer.describe(e);
            });
        }
    }

    /**
     * An opt-in naming another stack, or one for a production-tagged stack without its override, stops the
     * run here: it is bad input, and skipping every changing scenario would end the run green.
     */
    private void requireConsistentOptIns() {
        try {
            env.chaos().requireConsistentOptIns();
        } catch (ChaosRefused e) {
            throw new RunRefused(e.getMessage());
        } catch (ConfigException e) {
            throw new RunRefused("bad configuration: " + e.getMessage());
        } catch (SdkException e) {
            throw new RunRefused(AwsTrouble.explain("reading the tags of stack " + env.stackName(), e, region));
        }
    }

    /** A wrong secret is a 401 on {@code /config}; any other answer lets the run go ahead. */
    private Optional<String> checkSecret(OpenViduEndpoint endpoint) {
        OpenViduApi api = new OpenViduApi(endpoint, Evidence.NONE, env.redactor());
        HttpAnswer answer;
        try {
            answer = api.send("GET", "/openvidu/api/config", Optional.empty());
        } catch (OpenViduUnreachable e) {
            throw new RunRefused(e.getMessage());
        } catch (AssertionError e) {
            // Retries ran out on 500-504: the stack is reachable and will be judged by the scenarios.
            return Optional.empty();
        }
        if (answer.status() == 401) {
            throw new RunRefused("OpenVidu at " + endpoint.url() + " refuses the configured secret (401): set"
                    + " ovha.openvidu.secret (OVHA_OPENVIDU_SECRET) to the stack's OpenViduSecret parameter");
        }
        return versionIn(answer);
    }

    private static Optional<String> versionIn(HttpAnswer answer) {
        try {
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body());
            return json != null && json.hasNonNull("VERSION") ? Optional.of(json.get("VERSION").asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private <T> T aws(String doing, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new RunRefused(AwsTrouble.explain(doing, e, region));
        }
    }
}
