package dev.ovha.twin.state;

/**
 * Told about every put and every effective delete of an S3 object, after the change, under the state
 * lock (so it may change other state, and must not block). The masters' model watches the stack's
 * {@code .env} with it.
 */
@FunctionalInterface
public interface ObjectListener {
    void onChange(String bucket, String key, ObjectChange change);
}
