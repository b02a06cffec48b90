package dev.ovha.aws;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;

/**
 * Hands a client the target's credentials provider without handing over its lifetime.
 *
 * <p>An SDK client closes a closeable credentials provider when the client closes. The provider belongs to
 * the {@link AwsTarget}, which may outlive one {@link AwsClients} (or be shared by several), so each client
 * gets this wrapper: it delegates every lookup and, not being closeable itself, is never closed.
 */
record BorrowedCredentials(AwsCredentialsProvider owner) implements AwsCredentialsProvider {

    @Override
    public AwsCredentials resolveCredentials() {
        return owner.resolveCredentials();
    }

    @Override
    public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(ResolveIdentityRequest request) {
        return owner.resolveIdentity(request);
    }

    @Override
    public String toString() {
        return "BorrowedCredentials[" + owner.getClass().getSimpleName() + "]";
    }
}
