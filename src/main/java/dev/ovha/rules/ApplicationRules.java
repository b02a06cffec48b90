package dev.ovha.rules;

import dev.ovha.openvidu.ApplicationSession;
import dev.ovha.openvidu.IssuedConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What an application gets from the stack is what the vendor documents. */
public final class ApplicationRules {
    /** {@code tok_} + one upper-case letter + 15 alphanumerics ({@code openvidu-ha.md} §1.1). */
    private static final Pattern TOKEN = Pattern.compile("tok_[A-Z][A-Za-z0-9]{15}");

    private ApplicationRules() {
    }

    /** The token reads {@code wss://<DomainName>?sessionId=<id>&token=tok_...}. */
    public static List<String> documentedToken(IssuedConnection connection, ApplicationSession session, String domain) {
        List<String> defects = new ArrayList<>();
        String token = connection.token();
        URI uri;
        try {
            uri = new URI(token);
        } catch (URISyntaxException e) {
            return List.of("The token '" + token + "' is not a URL; expected wss://" + domain + "?sessionId="
                    + session.id() + "&token=tok_...");
        }
        if (!"wss".equals(uri.getScheme())) {
            defects.add("The token's scheme is " + uri.getScheme() + ", expected wss.");
        }
        if (!domain.equalsIgnoreCase(String.valueOf(uri.getHost()))) {
            defects.add("The token points browsers at " + uri.getHost() + ", not at the stack's domain " + domain
                    + ": OpenVidu's DOMAIN_OR_PUBLIC_IP does not match the DomainName parameter, so browsers"
                    + " cannot join.");
        }
        Map<String, String> query = query(uri.getRawQuery());
        if (!session.id().equals(query.get("sessionId"))) {
            defects.add("The token's sessionId is " + query.get("sessionId") + ", expected " + session.id() + ".");
        }
        String value = query.getOrDefault("token", "");
        if (!TOKEN.matcher(value).matches()) {
            defects.add("The token's token parameter is '" + value + "', expected tok_ followed by an upper-case"
                    + " letter and 15 letters or digits.");
        }
        return defects;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return params;
    }
}
