package dev.ovha.twin.service;

import dev.ovha.twin.protocol.AwsInput;
import dev.ovha.twin.protocol.JsonCodec;
import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.state.World;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A service spoken through AWS JSON 1.0/1.1: {@code POST /} with {@code X-Amz-Target: <prefix>.<Operation>}
 * and a JSON object body. Subclasses register one handler per operation, exactly like a
 * {@link FormService}: the handler reads the neutral input, works on the world under its lock and
 * returns the neutral output (or {@code null} for an empty answer).
 */
public abstract class JsonService {

    private final Map<String, BiFunction<AwsInput, World, Struct>> operations = new LinkedHashMap<>();

    private final String signingName;
    private final String targetPrefix;
    private final String displayName;
    private final JsonCodec codec;

    /**
     * @param signingName  the SigV4 credential-scope service name, e.g. {@code sqs}
     * @param targetPrefix what comes before the dot in {@code X-Amz-Target}, e.g. {@code AmazonSQS}
     * @param displayName  a human name for messages, e.g. {@code SQS}
     */
    protected JsonService(String signingName, String targetPrefix, String displayName, JsonCodec codec) {
        this.signingName = signingName;
        this.targetPrefix = targetPrefix;
        this.displayName = displayName;
        this.codec = codec;
    }

    public final String signingName() {
        return signingName;
    }

    public final String targetPrefix() {
        return targetPrefix;
    }

    public final String displayName() {
        return displayName;
    }

    public final JsonCodec codec() {
        return codec;
    }

    protected final void operation(String name, BiFunction<AwsInput, World, Struct> handler) {
        operations.put(name, handler);
    }

    public Set<String> operations() {
        return Collections.unmodifiableSet(operations.keySet());
    }

    public Optional<BiFunction<AwsInput, World, Struct>> operation(String name) {
        return Optional.ofNullable(operations.get(name));
    }
}
