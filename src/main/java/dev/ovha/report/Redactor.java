package dev.ovha.report;

import dev.ovha.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a report, an attachment or a log: the OpenVidu secret
 * itself, its Basic-auth form, and the credentials part of any {@code Authorization} header.
 */
public final class Redactor {
    public static final String MASK = "****";
    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)(authorization\\s*[:=]\\s*\\S+\\s+)\\S+");

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /** A redactor for these secrets (and their Basic-auth encodings with OpenVidu's user name). */
    public static Redactor of(List<Secret> secrets) {
        List<String> forms = new ArrayList<>();
        for (Secret secret : secrets) {
            forms.add(secret.reveal());
            forms.add(Base64.getEncoder().encodeToString(("OPENVIDUAPP:" + secret.reveal())
                    .getBytes(StandardCharsets.UTF_8)));
        }
        // Longest first, so that a secret contained in another one cannot leave a tail behind.
        forms.sort((a, b) -> b.length() - a.length());
        return new Redactor(forms);
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    public String clean(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = AUTHORIZATION.matcher(text).replaceAll("$1" + MASK);
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** The header value to show for a request header: Authorization keeps only its scheme. */
    public String header(String name, String value) {
        if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Proxy-Authorization")) {
            int space = value.indexOf(' ');
            return space > 0 ? value.substring(0, space) + " " + MASK : MASK;
        }
        return clean(value);
    }
}
