package dev.ovha.twin.sim;

import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Every identifier the twin's state mints (instance ids, ARNs suffixes, UUIDs) comes from one seeded
 * generator, so that the same seed and the same sequence of operations give the same ids.
 * Only call it while holding the world's lock.
 */
public final class SeededIds {

    private final long seed;
    private final Random random;

    public SeededIds(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /**
     * An independent generator for one part of the twin, derived from the seed and {@code stream} alone:
     * it draws nothing from this one, so adding traffic in that part (say, queue messages) does not
     * change the ids minted elsewhere (say, instance ids).
     */
    public SeededIds fork(String stream) {
        return new SeededIds(seed * 0x9E3779B97F4A7C15L + stream.hashCode());
    }

    /** {@code n} lowercase hex digits. */
    public String hex(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    /** {@code n} decimal digits. */
    public String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    public String instanceId() {
        return "i-0" + hex(16);
    }

    public String prefixed(String prefix, int hexDigits) {
        return prefix + "-0" + hex(hexDigits - 1);
    }

    public String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString().toLowerCase(Locale.ROOT);
    }

    /** CloudFormation's random suffix for generated names: upper-case letters and digits. */
    public String upperAlphanumeric(int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
