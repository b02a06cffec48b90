package dev.ovha.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Which configuration keys hold secrets, judged by name: {@code OPENVIDU_SECRET}, {@code ELASTICSEARCH_PASSWORD},
 * {@code COTURN_SHARED_SECRET_KEY}, {@code OPENVIDU_PRO_LICENSE}, {@code OPENVIDU_WEBHOOK_HEADERS} (which may
 * carry an {@code Authorization} header)… One list for the whole harness: the undo journal never stores the
 * value of such a key (a change to one is refused rather than made without a way back), and the S3 {@code .env}
 * driver never keeps one.
 */
public final class SecretKeys {
    private static final Set<String> WORDS = Set.of("SECRET", "SECRETS", "PASSWORD", "PASSWD", "PASS", "PWD", "TOKEN",
            "KEY", "KEYS", "CREDENTIAL", "CREDENTIALS", "LICENSE", "AUTH", "AUTHORIZATION", "PRIVATE", "HEADERS",
            "APIKEY", "CERT", "CERTIFICATE");

    private SecretKeys() {
    }

    /** True when any word of the name ({@code _ - .} separated, or camelCase) is a secret word. */
    public static boolean looksSecret(String name) {
        String upper = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        return Arrays.stream(upper.split("[_.\\-]+")).anyMatch(word -> WORDS.contains(word)
                || word.endsWith("SECRET") || word.endsWith("PASSWORD") || word.endsWith("TOKEN"));
    }
}
