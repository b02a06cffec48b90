package dev.ovha.driver;

import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cluster's {@code .env} as the configuration bucket holds it. Secret-looking keys (the OpenVidu
 * secret, the Elasticsearch password, the licence, webhook headers...) are listed by name only: their
 * values are never read into this record, so no report or message can show them.
 *
 * @param bucket     the stack's configuration bucket
 * @param key        the object's key ({@code .env} at the bucket root)
 * @param etag       the object's ETag, which changes with every write
 * @param values     every non-secret {@code KEY=value}, unquoted, the last assignment winning
 * @param secretKeys the keys whose values were left out
 */
public record ConfigFile(String bucket, String key, String etag, SortedMap<String, String> values,
                         SortedSet<String> secretKeys) {
    public ConfigFile {
        values = new TreeMap<>(values);
        secretKeys = new TreeSet<>(secretKeys);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** {@code s3://bucket/.env}, for messages. */
    public String location() {
        return "s3://" + bucket + "/" + key;
    }
}
