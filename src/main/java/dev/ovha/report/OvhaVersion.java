package dev.ovha.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The harness's own version, written into the jar by the build (resource filtering). */
public final class OvhaVersion {
    private OvhaVersion() {
    }

    public static String current() {
        try (InputStream in = OvhaVersion.class.getResourceAsStream("/dev/ovha/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
