package dev.ovha.twin.service;

import dev.ovha.twin.protocol.AwsInput;
import dev.ovha.twin.protocol.FormInput;
import dev.ovha.twin.protocol.ProtocolCodec;
import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.state.World;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A service spoken through a form body ({@code Action=…&Version=…}): the query protocol or EC2's
 * variant. Subclasses register one handler per operation; a handler reads the neutral input, works on
 * the world under its lock, and returns the neutral output (or {@code null} for no output).
 */
public abstract class FormService {

    private final Map<String, BiFunction<AwsInput, World, Struct>> operations = new LinkedHashMap<>();

    private final String signingName;
    private final String apiVersion;
    private final String displayName;
    private final ProtocolCodec codec;
    private final FormInput.ListStyle listStyle;

    /**
     * @param signingName the SigV4 credential-scope service name, e.g. {@code autoscaling}
     * @param apiVersion  the {@code Version=} this service answers
     * @param displayName a human name for messages, e.g. {@code Auto Scaling}
     */
    protected FormService(String signingName, String apiVersion, String displayName, ProtocolCodec codec,
                          FormInput.ListStyle listStyle) {
        this.signingName = signingName;
        this.apiVersion = apiVersion;
        this.displayName = displayName;
        this.codec = codec;
        this.listStyle = listStyle;
    }

    public final String signingName() {
        return signingName;
    }

    public final String apiVersion() {
        return apiVersion;
    }

    public final String displayName() {
        return displayName;
    }

    public final ProtocolCodec codec() {
        return codec;
    }

    public final FormInput.ListStyle listStyle() {
        return listStyle;
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
