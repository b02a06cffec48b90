package dev.ovha.target;

import dev.ovha.config.HarnessConfig;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinEndpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A twin addressed the way a user addresses a live stack ({@code ovha.target=aws} with endpoint, URL,
 * CA file, secret and credentials from the default chain), so that the live code path runs end to end.
 * The twin's dummy keys go into the system properties the SDK's default chain reads first.
 */
public final class TwinAsLiveStack {
    private static final String KEY_ID = "aws.accessKeyId";
    private static final String SECRET_KEY = "aws.secretAccessKey";

    private TwinAsLiveStack() {
    }

    /** Makes the SDK's default credential chain find the twin's dummy keys. */
    public static void useTwinCredentials() {
        System.setProperty(KEY_ID, TwinEndpoints.ACCESS_KEY_ID);
        System.setProperty(SECRET_KEY, TwinEndpoints.SECRET_ACCESS_KEY);
    }

    public static void forgetTwinCredentials() {
        System.clearProperty(KEY_ID);
        System.clearProperty(SECRET_KEY);
    }

    /** The settings that point the harness at this twin as at a live stack. */
    public static Map<String, String> settings(Twin twin, Path workDir) {
        TwinEndpoints e = twin.endpoints();
        Path ca = workDir.resolve("twin-ca.pem");
        try {
            Files.writeString(ca, e.caPem());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Map<String, String> settings = new HashMap<>();
        settings.put("ovha.target", "aws");
        settings.put("ovha.stack", e.stack());
        settings.put("ovha.region", e.region());
        settings.put("ovha.aws.endpoint", e.awsEndpoint().toString());
        settings.put("ovha.openvidu.url", e.openviduUrl().toString());
        settings.put("ovha.openvidu.httpUrl", e.openviduHttpUrl().toString());
        settings.put("ovha.openvidu.secret", e.secret());
        settings.put("ovha.tls.ca", ca.toString());
        settings.put("ovha.chaos.journal", workDir.resolve("reports/undo-journal.jsonl").toString());
        return settings;
    }

    public static HarnessConfig config(Map<String, String> settings, Path workDir) {
        Properties properties = new Properties();
        properties.putAll(settings);
        return HarnessConfig.resolve(Map.of(), properties, workDir);
    }
}
