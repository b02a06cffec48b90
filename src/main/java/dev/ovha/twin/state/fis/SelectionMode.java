package dev.ovha.twin.state.fis;

import dev.ovha.twin.sim.SeededIds;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many of a target's matching resources an experiment hits: {@code ALL}, {@code COUNT(n)} chosen at
 * random, or {@code PERCENT(n)} chosen at random. The twin's randomness is seeded, so the same seed
 * picks the same victims. PERCENT rounds down but picks at least one of a non-empty set, the twin's
 * reading of "a percentage of the matching resources".
 */
record SelectionMode(Kind kind, int n) {

    enum Kind { ALL, COUNT, PERCENT }

    private static final Pattern FORM = Pattern.compile("(COUNT|PERCENT)\\((\\d{1,9})\\)");

    static SelectionMode parse(String targetName, String text) {
        if ("ALL".equals(text)) {
            return new SelectionMode(Kind.ALL, 0);
        }
        Matcher m = FORM.matcher(text == null ? "" : text);
        int n = m.matches() ? Integer.parseInt(m.group(2)) : -1;
        if (n < 1 || (m.group(1).equals("PERCENT") && n > 100)) {
            throw FisRejection.validation("Target " + targetName + ": the selection mode must be ALL, COUNT(n) with n >= 1 or PERCENT(n) with n from 1 to 100, got '"
                    + text + "'");
        }
        return new SelectionMode(Kind.valueOf(m.group(1)), n);
    }

    /** The chosen resources, in the order they were given; {@code random} draws only for a real choice. */
    <T> List<T> select(List<T> candidates, SeededIds random) {
        int wanted = switch (kind) {
            case ALL -> candidates.size();
            case COUNT -> Math.min(n, candidates.size());
            case PERCENT -> candidates.isEmpty() ? 0 : Math.max(1, candidates.size() * n / 100);
        };
        if (wanted >= candidates.size()) {
            return List.copyOf(candidates);
        }
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            indexes.add(i);
        }
        // A partial Fisher-Yates shuffle: the first `wanted` positions end up a uniform random choice.
        for (int i = 0; i < wanted; i++) {
            int j = i + random.nextInt(indexes.size() - i);
            Integer swap = indexes.get(i);
            indexes.set(i, indexes.get(j));
            indexes.set(j, swap);
        }
        return indexes.subList(0, wanted).stream().sorted().map(candidates::get).toList();
    }
}
