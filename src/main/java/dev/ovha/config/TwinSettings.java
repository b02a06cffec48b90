package dev.ovha.config;

/**
 * How the embedded twin is shaped and paced.
 *
 * @param masters   master nodes, at least 1
 * @param media     media nodes, at least 0
 * @param timeScale virtual seconds per real second, greater than 0
 * @param seed      seed for every random choice the twin makes, so a run can be replayed
 */
public record TwinSettings(int masters, int media, double timeScale, long seed) {

    public TwinSettings {
        if (masters < 1) {
            throw new IllegalArgumentException("masters must be at least 1: " + masters);
        }
        if (media < 0) {
            throw new IllegalArgumentException("media must be at least 0: " + media);
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a finite number greater than 0: " + timeScale);
        }
    }

    /** The defaults of the {@link ConfigKey} catalogue, read from there so they are written down once. */
    public static TwinSettings defaults() {
        return new TwinSettings(
                Integer.parseInt(defaultOf(ConfigKey.TWIN_MASTERS)),
                Integer.parseInt(defaultOf(ConfigKey.TWIN_MEDIA)),
                Double.parseDouble(defaultOf(ConfigKey.TWIN_TIME_SCALE)),
                Long.parseLong(defaultOf(ConfigKey.TWIN_SEED)));
    }

    private static String defaultOf(ConfigKey key) {
        return key.defaultValue().orElseThrow();
    }
}
