package dev.ovha.twin.service;

import dev.ovha.twin.protocol.AwsInput;
import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.state.World;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What a {@link FormService} and a {@link JsonService} share: the request names its operation (an
 * {@code Action=} or an {@code X-Amz-Target}), and the service answers it from a table with one handler per
 * operation. A handler reads the neutral input, works on the world under its lock and returns the neutral
 * output (or {@code null} for no output). Only the protocol around the table differs, so the subclasses
 * keep what the router needs to speak it.
 */
public abstract class OperationService {

    private final Map<String, BiFunction<AwsInput, World, Struct>> operations = new LinkedHashMap<>();

    private final String signingName;
    private final String displayName;

    /**
     * @param signingName the SigV4 credential-scope service name, e.g. {@code autoscaling}
     * @param displayName a human name for messages, e.g. {@code Auto Scaling}
     */
    OperationService(String signingName, String displayName) {
        this.signingName = signingName;
        this.displayName = displayName;
    }

    public final String signingName() {
        return signingName;
    }

    public final String displayName() {
        return displayName;
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
