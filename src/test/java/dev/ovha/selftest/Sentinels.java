package dev.ovha.selftest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Secrets that exist only to be looked for: the sentinel run gives them to the twin and the harness, the
 * scan looks for them in everything the run left. Each has characters that URL-encoding changes where the
 * secret's rules allow it. Never printed, never written to the scan's own report (which names forms only).
 */
final class Sentinels {
    /** The OpenVidu secret: letters, digits, '_' and '-' only, as OpenVidu and the template require. */
    static final String OPENVIDU_SECRET = "OVHAsentinel_OpenViduSecret-5q8Zr";
    static final String ES_PASSWORD = "OVHAsentinel+EsPassword/7Kx=";
    static final String AWS_SECRET_KEY = "OVHAsentinel/AwsSecretKey+3wP9m";

    private Sentinels() {
    }

    /**
     * Every form a leak could take, by name: each value as it is, URL-encoded, and base64-encoded at the three
     * alignments a substring can have inside a longer base64 text (the edge characters that depend on the
     * neighbours are dropped); and the Basic credentials {@code OPENVIDUAPP:<secret>} base64-encoded (standard
     * and URL-safe alphabets, with and without padding) and then URL-encoded.
     */
    static Map<String, String> forms() {
        Map<String, String> forms = new LinkedHashMap<>();
        Map<String, String> values = Map.of("openvidu-secret", OPENVIDU_SECRET, "es-password", ES_PASSWORD,
                "aws-secret-key", AWS_SECRET_KEY);
        for (String name : List.of("openvidu-secret", "es-password", "aws-secret-key")) {
            String value = values.get(name);
            forms.put(name, value);
            forms.put(name + " url-encoded", URLEncoder.encode(value, StandardCharsets.UTF_8));
            for (int shift = 0; shift < 3; shift++) {
                forms.put(name + " base64@" + shift, base64Inside(value, shift));
            }
        }
        byte[] basic = ("OPENVIDUAPP:" + OPENVIDU_SECRET).getBytes(StandardCharsets.UTF_8);
        String standard = Base64.getEncoder().encodeToString(basic);
        forms.put("basic-auth base64", standard);
        forms.put("basic-auth base64 url-encoded", URLEncoder.encode(standard, StandardCharsets.UTF_8));
        forms.put("basic-auth base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(basic));
        forms.put("basic-auth base64 unpadded", Base64.getEncoder().withoutPadding().encodeToString(basic));
        forms.values().removeIf(String::isEmpty);
        return forms;
    }

    /** The part of base64 text that {@code value} always produces when it starts {@code shift} bytes into a 3-byte group. */
    private static String base64Inside(String value, int shift) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[shift + bytes.length];
        System.arraycopy(bytes, 0, padded, shift, bytes.length);
        String encoded = Base64.getEncoder().withoutPadding().encodeToString(padded);
        int skip = shift == 0 ? 0 : shift + 1;
        int stableEnd = ((shift + bytes.length) / 3) * 4;
        return skip < stableEnd ? encoded.substring(skip, stableEnd) : "";
    }
}
