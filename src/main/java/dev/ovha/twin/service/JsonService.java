package dev.ovha.twin.service;

import dev.ovha.twin.protocol.JsonCodec;

/**
 * A service spoken through AWS JSON 1.0/1.1: {@code POST /} with {@code X-Amz-Target: <prefix>.<Operation>}
 * and a JSON object body. Subclasses register one handler per operation, exactly like a
 * {@link FormService} (see {@link OperationService}).
 */
public abstract class JsonService extends OperationService {

    private final String targetPrefix;
    private final JsonCodec codec;

    /**
     * @param signingName  the SigV4 credential-scope service name, e.g. {@code sqs}
     * @param targetPrefix what comes before the dot in {@code X-Amz-Target}, e.g. {@code AmazonSQS}
     * @param displayName  a human name for messages, e.g. {@code SQS}
     */
    protected JsonService(String signingName, String targetPrefix, String displayName, JsonCodec codec) {
        super(signingName, displayName);
        this.targetPrefix = targetPrefix;
        this.codec = codec;
    }

    public final String targetPrefix() {
        return targetPrefix;
    }

    public final JsonCodec codec() {
        return codec;
    }
}
