package dev.ovha.driver;

import dev.ovha.aws.AwsClients;
import dev.ovha.chaos.SecretKeys;
import dev.ovha.report.Evidence;
import java.util.Optional;

/**
 * OpenVidu's configuration as the stack keeps it: the {@code .env} object at the root of the configuration
 * bucket, which every master loads when it boots or restarts. Only the keys asked for are read out of it, and
 * never a secret-looking one: the file also holds the OpenVidu secret and the Elasticsearch password.
 */
public final class ConfigBucket {
    static final String DOT_ENV = ".env";

    private final AwsClients aws;
    private final Evidence evidence;

    public ConfigBucket(AwsClients aws, Evidence evidence) {
        this.aws = aws;
        this.evidence = evidence;
    }

    /**
     * The value of {@code key} in {@code s3://<bucket>/.env} (the last assignment wins, as in docker-compose;
     * surrounding quotes removed), or empty when the file does not set it.
     *
     * @throws IllegalArgumentException for a key that looks like a secret
     */
    public Optional<String> dotEnvValue(String bucket, String key) {
        if (SecretKeys.looksSecret(key)) {
            throw new IllegalArgumentException(key + " looks like a secret; ovha never reads secrets out of the .env");
        }
        String text = aws.s3().getObjectAsBytes(r -> r.bucket(bucket).key(DOT_ENV)).asUtf8String();
        Optional<String> value = Optional.empty();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            int equals = trimmed.indexOf('=');
            if (!trimmed.startsWith("#") && equals > 0 && trimmed.substring(0, equals).strip().equals(key)) {
                value = Optional.of(unquote(trimmed.substring(equals + 1).strip()));
            }
        }
        evidence.aws("GetObject", "s3://" + bucket + "/" + DOT_ENV + " " + key, value.map(v -> key + "=" + v)
                .orElse(key + " not set"));
        return value;
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
