package dev.ovha.twin;

import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.sim.Timings;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * How to build a twin: the stack's name and size, the clock, the seed, the faults to start with, and
 * the timings. Immutable; the {@code with*} methods return copies.
 *
 * @param stack       CloudFormation stack name
 * @param region      AWS region the twin pretends to be
 * @param masters     desired number of master nodes
 * @param media       desired number of media nodes
 * @param timeScale   virtual seconds per real second (ignored with a manual clock)
 * @param manualClock time moves only when the test advances it
 * @param seed        seed of every id and random choice
 * @param epoch       virtual time at start; empty means the wall-clock time at start
 * @param version     OpenVidu version the stack runs (selects version-specific behaviour)
 * @param pageSize    default page size of paginated AWS listings (kept small on purpose)
 * @param faults      faults active from the start
 * @param timings     every duration of the dynamics
 * @param secret      the OpenVidu secret of the stack (letters, digits, '_' and '-')
 * @param esPassword  the stack's ElasticsearchPassword parameter (NoEcho), also in the S3 {@code .env}
 */
public record TwinOptions(String stack, String region, int masters, int media, double timeScale, boolean manualClock,
                          long seed, Optional<Instant> epoch, String version, int pageSize, Set<Fault> faults,
                          Timings timings, String secret, String esPassword) {

    public static final String DEFAULT_STACK = "ovha-twin";
    public static final String DEFAULT_VERSION = "2.32.2";

    public TwinOptions {
        if (masters < 1) {
            throw new IllegalArgumentException("a stack needs at least one master node, got " + masters);
        }
        if (media < 0) {
            throw new IllegalArgumentException("the number of media nodes cannot be negative, got " + media);
        }
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("time scale must be > 0, got " + timeScale);
        }
        if (!stack.matches("[A-Za-z][A-Za-z0-9-]{0,127}")) {
            throw new IllegalArgumentException("'" + stack + "' is not a valid CloudFormation stack name");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, got " + pageSize);
        }
        faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
        if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
            throw new IllegalArgumentException("'" + version + "' is not an OpenVidu version like " + DEFAULT_VERSION);
        }
        if (esPassword.isEmpty() || esPassword.contains("\n")) {
            throw new IllegalArgumentException("the Elasticsearch password must be one non-empty line");
        }
        if (!secret.matches("[a-zA-Z0-9_-]+")) {
            throw new IllegalArgumentException("the OpenVidu secret may only contain letters, digits, '_' and '-'");
        }
    }

    public static final String DEFAULT_SECRET = "ovha-twin-secret";
    public static final String DEFAULT_ES_PASSWORD = "twin-es-password";

    /** Everything but the secret, which is never printed. */
    @Override
    public String toString() {
        return "TwinOptions[stack=" + stack + ", region=" + region + ", masters=" + masters + ", media=" + media
                + ", timeScale=" + timeScale + ", manualClock=" + manualClock + ", seed=" + seed + ", epoch=" + epoch
                + ", version=" + version + ", pageSize=" + pageSize + ", faults=" + faults + ", secret=****, esPassword=****]";
    }

    public static TwinOptions defaults() {
        return new TwinOptions(DEFAULT_STACK, "us-east-1", 2, 2, 60, false, 42, Optional.empty(), DEFAULT_VERSION, 3,
                Set.of(), Timings.templateDefaults(), DEFAULT_SECRET, DEFAULT_ES_PASSWORD);
    }

    /** Defaults with a manual clock and a fixed epoch: what deterministic tests start from. */
    public static TwinOptions deterministic() {
        return defaults().withManualClock(Instant.parse("2026-01-05T09:00:00Z"));
    }

    public TwinOptions withStack(String value) {
        return new TwinOptions(value, region, masters, media, timeScale, manualClock, seed, epoch, version, pageSize, faults, timings, secret, esPassword);
    }

    public TwinOptions withRegion(String value) {
        return new TwinOptions(stack, value, masters, media, timeScale, manualClock, seed, epoch, version, pageSize, faults, timings, secret, esPassword);
    }

    public TwinOptions withSize(int masterCount, int mediaCount) {
        return new TwinOptions(stack, region, masterCount, mediaCount, timeScale, manualClock, seed, epoch, version, pageSize, faults, timings, secret, esPassword);
    }

    public TwinOptions withTimeScale(double value) {
        return new TwinOptions(stack, region, masters, media, value, false, seed, epoch, version, pageSize, faults, timings, secret, esPassword);
    }

    public TwinOptions withManualClock(Instant start) {
        return new TwinOptions(stack, region, masters, media, timeScale, true, seed, Optional.of(start), version, pageSize, faults, timings, secret, esPassword);
    }

    public TwinOptions withSeed(long value) {
        return new TwinOptions(stack, region, masters, media, timeScale, manualClock, value, epoch, version, pageSize, faults, timings, secret, esPassword);
    }

    public TwinOptions withVersion(String value) {
        return new TwinOptions(stack, region, masters, media, timeScale, manualClock, seed, epoch, value, pageSize, faults, timings, secret, esPassword);
    }

    public TwinOptions withPageSize(int value) {
        return new TwinOptions(stack, region, masters, media, timeScale, manualClock, seed, epoch, version, value, faults, timings, secret, esPassword);
    }

    public TwinOptions withFaults(Set<Fault> value) {
        return new TwinOptions(stack, region, masters, media, timeScale, manualClock, seed, epoch, version, pageSize, value, timings, secret, esPassword);
    }

    public TwinOptions withSecret(String value) {
        return new TwinOptions(stack, region, masters, media, timeScale, manualClock, seed, epoch, version, pageSize, faults, timings, value, esPassword);
    }

    public TwinOptions withEsPassword(String value) {
        return new TwinOptions(stack, region, masters, media, timeScale, manualClock, seed, epoch, version, pageSize, faults, timings, secret, value);
    }

    public TwinOptions withTimings(Timings value) {
        return new TwinOptions(stack, region, masters, media, timeScale, manualClock, seed, epoch, version, pageSize, faults, value, secret, esPassword);
    }
}
