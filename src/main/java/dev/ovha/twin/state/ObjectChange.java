package dev.ovha.twin.state;

import java.util.Optional;

/**
 * A change to one S3 object, as {@link ObjectListener}s see it: a put (with the new object, whose
 * bytes are the new content) or a delete (no object).
 */
public record ObjectChange(Kind kind, Optional<S3Object> object) {

    public enum Kind { PUT, DELETE }

    public static ObjectChange put(S3Object object) {
        return new ObjectChange(Kind.PUT, Optional.of(object));
    }

    public static ObjectChange delete() {
        return new ObjectChange(Kind.DELETE, Optional.empty());
    }

    /** The new content of a put; empty for a delete. */
    public byte[] bytes() {
        return object.map(S3Object::bytes).orElse(new byte[0]);
    }
}
