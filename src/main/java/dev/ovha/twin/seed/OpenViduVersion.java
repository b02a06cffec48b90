package dev.ovha.twin.seed;

/** Where the vendor changed behaviour between OpenVidu versions. */
public final class OpenViduVersion {

    private OpenViduVersion() {
    }

    /** From 2.32.1 the template's target-group health check is {@code GET /} expecting 401-403. */
    public static boolean healthCheckAtRoot(String version) {
        return compare(version, "2.32.1") >= 0;
    }

    /** Compares dotted numeric versions ({@code 2.32.1 < 2.32.2 < 2.33.0}). */
    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? parse(x[i]) : 0;
            int yi = i < y.length ? parse(y[i]) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }

    private static int parse(String part) {
        try {
            return Integer.parseInt(part.replaceAll("[^0-9].*$", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + part + "' is not part of an OpenVidu version like 2.32.2");
        }
    }
}
