package dev.ovha.driver;

import dev.ovha.aws.AwsClients;
import dev.ovha.report.SecretKeys;
import dev.ovha.report.Evidence;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The stack's configuration bucket: the {@code .env} every master loads at boot and watches for changes
 * ({@code openvidu-ha.md} §2.2). Read-only; secret values are dropped while parsing (see {@link ConfigFile}).
 */
public final class ConfigBucket {
    public static final String DOT_ENV = ".env";

    private final AwsClients aws;
    private final Evidence evidence;

    public ConfigBucket(AwsClients aws, Evidence evidence) {
        this.aws = aws;
        this.evidence = evidence;
    }

    /** The stack's {@code .env}; a missing bucket or file is a broken stack, so it fails the check. */
    public ConfigFile dotEnv(Stack stack) {
        String bucket = stack.bucketName().orElseThrow(() -> new AssertionError("Stack " + stack.name()
                + " names no configuration bucket (no OpenViduS3BucketName parameter, no S3OpenViduBucket resource):"
                + " it was not deployed with the OpenVidu Enterprise HA template."));
        ResponseBytes<GetObjectResponse> object;
        try {
            object = aws.s3().getObjectAsBytes(r -> r.bucket(bucket).key(DOT_ENV));
        } catch (NoSuchBucketException e) {
            throw new AssertionError("The configuration bucket " + bucket + " of stack " + stack.name() + " does not"
                    + " exist in region " + aws.target().region().id() + ": a bucket given as OpenViduS3BucketName must"
                    + " exist in the stack's region, and the one the stack creates must not be deleted.");
        } catch (NoSuchKeyException e) {
            throw new AssertionError("The configuration bucket " + bucket + " holds no " + DOT_ENV + " at its root: the"
                    + " first master writes it when it boots, so the masters never started (check their logs), or"
                    + " someone deleted it (restart a master so that it writes the file again).");
        }
        ConfigFile file = parse(bucket, object.response().eTag(), object.asUtf8String());
        evidence.aws("GetObject", file.location() + " (secret values left out: " + file.secretKeys() + ")", file);
        return file;
    }

    /** {@code KEY=value} lines, comments and blanks skipped, quotes removed, the last assignment winning. */
    static ConfigFile parse(String bucket, String etag, String text) {
        TreeMap<String, String> values = new TreeMap<>();
        TreeSet<String> secrets = new TreeSet<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (SecretKeys.looksSecret(key)) {
                secrets.add(key);
                values.remove(key);
            } else {
                values.put(key, unquote(line.substring(eq + 1).strip()));
            }
        }
        return new ConfigFile(bucket, DOT_ENV, etag == null ? "" : etag, values, secrets);
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
