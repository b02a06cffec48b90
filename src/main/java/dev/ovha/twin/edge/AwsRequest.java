package dev.ovha.twin.edge;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request to the twin's AWS endpoint, as received: method, path, raw query, headers
 * (case-insensitive) and body. Independent of the HTTP server, so wire tests can build it by hand.
 */
public record AwsRequest(String method, String path, String query, Map<String, String> headers, byte[] body) {

    public AwsRequest {
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = caseInsensitive;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /**
     * The service named in the SigV4 credential scope
     * ({@code Credential=AKID/20250115/us-east-1/ec2/aws4_request}); every SDK v2 call carries it.
     */
    public Optional<String> signingService() {
        return header("Authorization").flatMap(AwsRequest::scopeService);
    }

    static Optional<String> scopeService(String authorization) {
        return scopePart(authorization, 3);
    }

    /** The region named in the SigV4 credential scope: the region the client thinks this endpoint serves. */
    public Optional<String> signingRegion() {
        return header("Authorization").flatMap(a -> scopePart(a, 2));
    }

    private static Optional<String> scopePart(String authorization, int index) {
        int at = authorization.indexOf("Credential=");
        if (at < 0) {
            return Optional.empty();
        }
        String rest = authorization.substring(at + "Credential=".length());
        int end = rest.indexOf(',');
        String[] scope = (end < 0 ? rest : rest.substring(0, end)).trim().split("/");
        return scope.length >= 5 ? Optional.of(scope[index].toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    public boolean isForm() {
        return header("Content-Type").map(ct -> ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
                .orElse(false);
    }
}
