package dev.ovha.probe;

import java.util.Locale;

/**
 * Whether a certificate name covers a host, by the rules browsers apply (RFC 6125): DNS names compare
 * case-insensitively, a wildcard may only be the whole first label and covers exactly one label, and an
 * IP address matches only an IP name that is the same address.
 */
public final class HostNames {
    private HostNames() {
    }

    public static boolean covers(String certificateName, String host) {
        String name = stripDot(certificateName.toLowerCase(Locale.ROOT));
        String target = stripDot(host.toLowerCase(Locale.ROOT));
        if (isIpLiteral(target) || isIpLiteral(name)) {
            return name.equals(target);
        }
        if (name.startsWith("*.")) {
            int dot = target.indexOf('.');
            // *.example.com covers a.example.com, not example.com nor a.b.example.com.
            return dot > 0 && target.substring(dot + 1).equals(name.substring(2)) && name.substring(2).contains(".");
        }
        return name.equals(target);
    }

    static boolean isIpLiteral(String text) {
        return text.matches("[0-9.]+") || text.contains(":");
    }

    private static String stripDot(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
