package dev.ovha.twin.state;

import dev.ovha.twin.sim.Sim;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Amazon S3 as the stack uses it: the configuration bucket with the OpenVidu {@code .env} at its root
 * and recordings under {@code recordings/}. Buckets are seeded (the twin does not create them on
 * request); objects are put and deleted, each change is recorded in the ground-truth log and told to
 * the {@link ObjectListener}s.
 */
public final class S3State {

    /**
     * The order S3 lists keys in: UTF-8 binary order, which is code-point order. {@code String.compareTo}
     * compares UTF-16 units and would put characters beyond U+FFFF before U+E000–U+FFFF.
     */
    public static final Comparator<String> KEY_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private final Sim sim;
    private final Map<String, S3Bucket> buckets = new TreeMap<>();
    private final Map<String, NavigableMap<String, S3Object>> objects = new LinkedHashMap<>();
    private final List<ObjectListener> listeners = new ArrayList<>();

    public S3State(Sim sim) {
        this.sim = sim;
    }

    /** Told after every put and every delete that removed an object; see {@link ObjectListener}. */
    public void addListener(ObjectListener listener) {
        listeners.add(listener);
    }

    public S3Bucket createBucket(String name, String region, Instant creationDate) {
        if (buckets.containsKey(name)) {
            throw new IllegalStateException("bucket " + name + " already exists");
        }
        S3Bucket bucket = new S3Bucket(name, region, creationDate);
        buckets.put(name, bucket);
        objects.put(name, new TreeMap<>(KEY_ORDER));
        return bucket;
    }

    /** Every bucket, by name. */
    public List<S3Bucket> buckets() {
        return List.copyOf(buckets.values());
    }

    public Optional<S3Bucket> bucket(String name) {
        return Optional.ofNullable(buckets.get(name));
    }

    /** Stores (or replaces) {@code key} in {@code bucket}, stamped with the virtual clock. */
    public S3Object put(String bucket, String key, ObjectUpload upload) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("an S3 object key cannot be empty");
        }
        byte[] bytes = upload.bytes();
        S3Object object = new S3Object(bucket, key, bytes, upload.contentType(), upload.contentEncoding(),
                upload.metadata(), upload.checksum(), "\"" + md5Hex(bytes) + "\"", sim.now());
        contents(bucket).put(key, object);
        sim.log().record("s3.put", bucket + "/" + key, "size", String.valueOf(object.size()), "etag", object.etag());
        ObjectChange change = ObjectChange.put(object);
        List.copyOf(listeners).forEach(l -> l.onChange(bucket, key, change));
        return object;
    }

    /** A put with no metadata and no checksum: how a seed or a model writes a file such as {@code .env}. */
    public S3Object put(String bucket, String key, byte[] bytes, String contentType) {
        return put(bucket, key, ObjectUpload.of(bytes, contentType));
    }

    public Optional<S3Object> object(String bucket, String key) {
        return Optional.ofNullable(contents(bucket).get(key));
    }

    /** The bucket's objects in {@link #KEY_ORDER}. */
    public List<S3Object> objects(String bucket) {
        return List.copyOf(contents(bucket).values());
    }

    /**
     * Deletes {@code key}; true if there was such an object. Deleting a missing key is not an error in
     * S3, but it changes nothing, so it is neither recorded nor told to listeners.
     */
    public boolean delete(String bucket, String key) {
        S3Object removed = contents(bucket).remove(key);
        if (removed == null) {
            return false;
        }
        sim.log().record("s3.delete", bucket + "/" + key, "size", String.valueOf(removed.size()), "etag", removed.etag());
        ObjectChange change = ObjectChange.delete();
        List.copyOf(listeners).forEach(l -> l.onChange(bucket, key, change));
        return true;
    }

    private NavigableMap<String, S3Object> contents(String bucket) {
        NavigableMap<String, S3Object> contents = objects.get(bucket);
        if (contents == null) {
            throw new NoSuchElementException("the twin has no S3 bucket named " + bucket);
        }
        return contents;
    }

    private static String md5Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
