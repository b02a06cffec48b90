package dev.ovha.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code scripts/bench} was asked to do. Defaults: three repetitions of each suite and stack, stacks of
 * 2/2, 4/50 and 6/200, the prober at 250 requests per second on a twin at time scale 60.
 *
 * @param repetitions      suite runs per selection on the smallest stack (the median is reported)
 * @param scales           stack sizes of the scaling runs, smallest first (the reference)
 * @param scaleRepetitions runs per larger stack (the median is reported: one run's ratio is noise on a busy machine)
 * @param conformanceTags  the conformance selection
 * @param fullTags         the full suite's selection; empty: every scenario under features/
 * @param proberRate       the prober's requests per second
 * @param proberTimeScale  virtual seconds per real second of the prober's twin
 * @param out              the JSON file written
 * @param only             which measurements run
 */
record BenchOptions(int repetitions, List<Size> scales, int scaleRepetitions, String conformanceTags, String fullTags,
                    double proberRate, double proberTimeScale, Path out, Part only) {

    static final String USAGE = "usage: scripts/bench [-Dovha.KEY=VALUE]... [--repetitions N] [--scales MxN,...] [--scale-repetitions N]"
            + " [--conformance-tags EXPR] [--full-tags EXPR] [--prober-rate R] [--prober-time-scale X] [--out FILE] [--only all|suites|prober]";

    /** A stack size: masters and media nodes. */
    record Size(int masters, int media) {
        static Size parse(String text) {
            String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("--scales: '" + text + "' is not MASTERSxMEDIA, such as 4x50");
            }
            int masters = integer("--scales masters", parts[0], 1, 20);
            int media = integer("--scales media", parts[1], 0, 1000);
            return new Size(masters, media);
        }

        int nodes() {
            return masters + media;
        }

        @Override
        public String toString() {
            return masters + "x" + media;
        }
    }

    static BenchOptions defaults() {
        return new BenchOptions(3, List.of(new Size(2, 2), new Size(4, 50), new Size(6, 200)), 3, "@conformance", "",
                250, 60, Path.of("reports", "bench", "bench.json"), Part.ALL);
    }

    /** @throws IllegalArgumentException with one line naming the bad argument */
    static BenchOptions parse(String... args) {
        BenchOptions d = defaults();
        int repetitions = d.repetitions;
        List<Size> scales = d.scales;
        int scaleRepetitions = d.scaleRepetitions;
        String conformanceTags = d.conformanceTags;
        String fullTags = d.fullTags;
        double proberRate = d.proberRate;
        double proberTimeScale = d.proberTimeScale;
        Path out = d.out;
        Part only = d.only;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!flag.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + flag + "'; " + USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
            }
            String value = args[++i];
            switch (flag) {
                case "--repetitions" -> repetitions = integer(flag, value, 1, 9);
                case "--scales" -> scales = sizes(value);
                case "--scale-repetitions" -> scaleRepetitions = integer(flag, value, 1, 9);
                case "--conformance-tags" -> conformanceTags = tags(flag, value);
                case "--full-tags" -> fullTags = value.trim();
                case "--prober-rate" -> proberRate = number(flag, value, 1, 1000);
                case "--prober-time-scale" -> proberTimeScale = number(flag, value, 1, 600);
                case "--out" -> out = path(flag, value);
                case "--only" -> only = Part.parse(value);
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'; " + USAGE);
            }
        }
        return new BenchOptions(repetitions, scales, scaleRepetitions, conformanceTags, fullTags, proberRate,
                proberTimeScale, out, only);
    }

    /** Which measurements run: all of them, only the suite runs (time, lag, scaling), or only the prober. */
    enum Part {
        ALL, SUITES, PROBER;

        static Part parse(String text) {
            for (Part part : values()) {
                if (part.name().equalsIgnoreCase(text.trim())) {
                    return part;
                }
            }
            throw new IllegalArgumentException("--only: '" + text + "' is not one of all, suites, prober");
        }
    }

    boolean runsSuites() {
        return only != Part.PROBER;
    }

    boolean runsProber() {
        return only != Part.SUITES;
    }

    /** The stack of the repeated suite runs, and the reference of the scaling ratios: the smallest. */
    Size reference() {
        return scales.get(0);
    }

    private static List<Size> sizes(String text) {
        List<Size> sizes = new ArrayList<>();
        for (String part : text.split(",")) {
            Size size = Size.parse(part);
            if (sizes.contains(size)) {
                throw new IllegalArgumentException("--scales: " + size + " is listed twice");
            }
            sizes.add(size);
        }
        sizes.sort(java.util.Comparator.comparingInt(Size::nodes).thenComparingInt(Size::masters));
        return List.copyOf(sizes);
    }

    private static Path path(String flag, String value) {
        if (value.isBlank() || !value.endsWith(".json")) {
            throw new IllegalArgumentException(flag + ": '" + value + "' is not a .json file name");
        }
        return Path.of(value);
    }

    private static String tags(String flag, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(flag + " needs a Cucumber tag expression, such as @conformance");
        }
        return value.trim();
    }

    private static int integer(String flag, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + ": '" + value + "' is not a whole number from " + min + " to " + max);
    }

    private static double number(String flag, String value, double min, double max) {
        try {
            double n = Double.parseDouble(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + ": '" + value + "' is not a number from " + BenchTargets.fmt(min) + " to " + BenchTargets.fmt(max));
    }
}
