package dev.ovha.target;

import dev.ovha.config.HarnessConfig;
import dev.ovha.config.Secret;
import dev.ovha.config.TwinSettings;
import dev.ovha.twin.TwinOptions;

/** The twin a configuration asks for: its stack name, region, size, pace, seed and secret. */
public final class TwinLaunch {
    private TwinLaunch() {
    }

    /** A real-time clock at {@code ovha.twin.timeScale}, the stack named {@code ovha.stack}. */
    public static TwinOptions options(HarnessConfig config) {
        TwinSettings twin = config.twin();
        TwinOptions options = TwinOptions.defaults()
                .withStack(config.stack())
                .withRegion(config.region())
                .withSize(twin.masters(), twin.media())
                .withTimeScale(twin.timeScale())
                .withSeed(twin.seed());
        return config.openviduSecret().map(Secret::reveal).map(options::withSecret).orElse(options);
    }
}
