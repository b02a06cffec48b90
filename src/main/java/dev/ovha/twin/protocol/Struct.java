package dev.ovha.twin.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A protocol-neutral operation output: an ordered tree of named members whose values are strings,
 * numbers, booleans, {@link java.time.Instant}s, nested structs, or lists of those. Services build it
 * using the wire member names of their API model; a codec decides how it looks on the wire (query
 * XML with {@code <member>} lists, EC2 XML with {@code <item>} lists, JSON...).
 *
 * <p>A {@code null} value is not added: AWS omits absent members, and an empty numeric element makes
 * the SDK fail to parse the whole response.
 */
public final class Struct {

    private final Map<String, Object> members = new LinkedHashMap<>();

    public static Struct of() {
        return new Struct();
    }

    public Struct put(String name, Object value) {
        if (value != null) {
            members.put(name, value);
        }
        return this;
    }

    public Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }
}
