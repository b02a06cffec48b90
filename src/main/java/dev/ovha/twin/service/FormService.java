package dev.ovha.twin.service;

import dev.ovha.twin.protocol.FormInput;
import dev.ovha.twin.protocol.ProtocolCodec;

/**
 * A service spoken through a form body ({@code Action=…&Version=…}): the query protocol or EC2's
 * variant. Subclasses register one handler per operation, as every {@link OperationService} does.
 */
public abstract class FormService extends OperationService {

    private final String apiVersion;
    private final ProtocolCodec codec;
    private final FormInput.ListStyle listStyle;

    /**
     * @param signingName the SigV4 credential-scope service name, e.g. {@code autoscaling}
     * @param apiVersion  the {@code Version=} this service answers
     * @param displayName a human name for messages, e.g. {@code Auto Scaling}
     */
    protected FormService(String signingName, String apiVersion, String displayName, ProtocolCodec codec,
                          FormInput.ListStyle listStyle) {
        super(signingName, displayName);
        this.apiVersion = apiVersion;
        this.codec = codec;
        this.listStyle = listStyle;
    }

    public final String apiVersion() {
        return apiVersion;
    }

    public final ProtocolCodec codec() {
        return codec;
    }

    public final FormInput.ListStyle listStyle() {
        return listStyle;
    }
}
