package dev.ovha.chaos;

import dev.ovha.aws.AwsClients;
import dev.ovha.config.ConfigKey;
import dev.ovha.config.HarnessConfig;
import dev.ovha.config.Secret;
import dev.ovha.openvidu.OpenViduEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The OpenVidu endpoint as the configuration describes it, looked up the first time it is needed: the URL
 * from {@code ovha.openvidu.url}, else {@code https://<DomainName>} from the stack's parameters; the secret
 * from {@code ovha.openvidu.secret} (a NoEcho parameter cannot be read back); extra trust from
 * {@code ovha.tls.ca}.
 */
public final class OpenViduAccess implements Supplier<OpenViduEndpoint> {
    private final HarnessConfig config;
    private final AwsClients aws;
    private OpenViduEndpoint endpoint;

    public OpenViduAccess(HarnessConfig config, AwsClients aws) {
        this.config = config;
        this.aws = aws;
    }

    /** @throws IllegalStateException naming the key to set when the secret is not configured */
    @Override
    public synchronized OpenViduEndpoint get() {
        if (endpoint == null) {
            Secret secret = config.openviduSecret().orElseThrow(() -> new IllegalStateException(
                    "the OpenVidu API needs the OpenVidu secret: set " + ConfigKey.OPENVIDU_SECRET.envName()
                            + " (or -D" + ConfigKey.OPENVIDU_SECRET.key() + ")"));
            URI url = config.openviduUrl().orElseGet(this::fromStack);
            Optional<String> ca = config.tlsCa().map(path -> {
                try {
                    return Files.readString(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + ConfigKey.TLS_CA.key() + " " + path, e);
                }
            });
            URI httpUrl = config.openvidu().httpUrl().orElseGet(() -> URI.create("http://" + url.getHost()));
            endpoint = new OpenViduEndpoint(url, httpUrl, ca, secret, config.openvidu().attempts());
        }
        return endpoint;
    }

    private URI fromStack() {
        return aws.cloudFormation().describeStacks(r -> r.stackName(config.stack())).stacks().get(0).parameters()
                .stream().filter(p -> p.parameterKey().equals("DomainName")).findFirst()
                .map(p -> URI.create("https://" + p.parameterValue()))
                .orElseThrow(() -> new IllegalStateException("stack " + config.stack() + " has no DomainName"
                        + " parameter; set " + ConfigKey.OPENVIDU_URL.key()));
    }
}
