package dev.ovha.chaos;

import dev.ovha.report.SecretKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Puts the changed keys of OpenVidu's {@code .env} in S3 back: the keys that existed get their previous
 * text, the keys that did not exist are removed, every other line stays as it is. Only the changed keys'
 * previous values are kept, never the file: it holds the OpenVidu secret and the Elasticsearch password.
 *
 * @param bucket   the configuration bucket
 * @param key      the object key, {@code .env}
 * @param previous previous text after {@code =} of each changed key that existed
 * @param absent   changed keys that did not exist before
 */
public record RestoreDotEnvKeys(String bucket, String key, Map<String, String> previous, List<String> absent)
        implements UndoAction {

    public RestoreDotEnvKeys {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        previous = Map.copyOf(new TreeMap<>(previous));
        absent = List.copyOf(absent);
        Stream.concat(previous.keySet().stream(), absent.stream()).filter(SecretKeys::looksSecret).findFirst()
                .ifPresent(secret -> {
                    throw new ChaosRefused("refused: " + secret + " looks like a secret, and its value must never"
                            + " enter the undo journal, so a change to it could not be undone; change another key");
                });
    }

    @Override
    public String describe() {
        return "restore " + keys() + " in s3://" + bucket + "/" + key;
    }

    @Override
    public String undo(UndoContext context) {
        String text = context.aws().s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
        DotEnvText env = DotEnvText.parse(text);
        // Whatever we read we must never print: remember the secret-looking values.
        env.values().forEach((k, v) -> {
            if (SecretKeys.looksSecret(k)) {
                context.screen().add(v);
            }
        });
        previous.forEach(env::set);
        absent.forEach(env::remove);
        String restored = env.text();
        if (restored.equals(text)) {
            return keys() + " in s3://" + bucket + "/" + key + " already as before";
        }
        context.aws().s3().putObject(r -> r.bucket(bucket).key(key).contentType("text/plain"),
                RequestBody.fromString(restored, StandardCharsets.UTF_8));
        return "restored " + keys() + " in s3://" + bucket + "/" + key;
    }

    private String keys() {
        return Stream.concat(previous.keySet().stream(), absent.stream().map(k -> k + " (removed)")).sorted()
                .collect(Collectors.joining(", "));
    }
}
