package dev.ovha.twin.service;

import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.HttpReply;
import dev.ovha.twin.protocol.RestRequest;
import dev.ovha.twin.state.World;

/**
 * A service spoken through REST: the operation is chosen by method, path, query and headers rather
 * than by an {@code Action=} or an {@code X-Amz-Target} (S3's rest-xml, FIS's rest-json). The router picks it by the SigV4 signing name, hands it the whole request, and renders whatever
 * {@link AwsError} it throws with {@link #error}.
 */
public interface RestService {

    /** The SigV4 credential-scope service name, e.g. {@code s3}. */
    String signingName();

    /** A human name for messages, e.g. {@code S3}. */
    String displayName();

    /**
     * Answers one request. Runs under the world's lock, so it may read and change the state freely; it
     * throws {@link AwsError} for answers in the service's error shape.
     */
    HttpReply handle(RestRequest request, World world);

    /** The error in this service's protocol, carrying {@code request}'s id. */
    HttpReply error(AwsError error, RestRequest request);
}
