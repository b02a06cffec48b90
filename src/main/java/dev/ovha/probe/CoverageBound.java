package dev.ovha.probe;

import java.util.Locale;

/**
 * How many requests through the load balancer must reach every one of {@code masters} masters, so that a
 * correctly balancing stack fails the check with probability below {@code target}.
 *
 * <p>If each request lands on a uniformly random master, the chance that one given master is missed by
 * {@code k} requests is {@code (1 - 1/n)^k}; by the union bound the chance that some master is missed is
 * at most {@code n (1 - 1/n)^k}. The bound is the smallest {@code k} making that less than the target:
 * 21 requests for 2 masters, 37 for 3, 53 for 4 at a target of 1e-6. (An ALB balances round-robin by
 * default, which reaches every master in {@code n} requests; random is the worst case we allow.) With a
 * single master there is nothing to miss; {@link #SINGLE_MASTER_REQUESTS} requests show that its id is
 * stable.
 *
 * @param masters                 healthy masters behind the load balancer
 * @param requests                the bound: how many requests to allow at most
 * @param falseFailureProbability the union bound's value at {@code requests}
 */
public record CoverageBound(int masters, int requests, double falseFailureProbability) {
    public static final double TARGET = 1e-6;
    public static final int SINGLE_MASTER_REQUESTS = 5;

    public static CoverageBound forMasters(int masters) {
        return forMasters(masters, TARGET);
    }

    public static CoverageBound forMasters(int masters, double target) {
        if (masters < 1) {
            throw new IllegalArgumentException("no master to reach: " + masters);
        }
        if (masters == 1) {
            return new CoverageBound(1, SINGLE_MASTER_REQUESTS, 0);
        }
        double miss = 1.0 - 1.0 / masters;
        int k = (int) Math.ceil(Math.log(target / masters) / Math.log(miss));
        // Guard against floating-point rounding at the boundary: make sure the bound really holds.
        while (masters * Math.pow(miss, k) >= target) {
            k++;
        }
        return new CoverageBound(masters, k, masters * Math.pow(miss, k));
    }

    /** {@code 21 requests for 2 masters (false-failure probability 9.5e-07 < 1e-06 under random balancing)}. */
    public String explained() {
        if (masters == 1) {
            return requests + " requests for the single master, all of which must name it";
        }
        return String.format(Locale.ROOT, "%d requests for %d masters (false-failure probability %.1e < %.0e under"
                + " uniformly random balancing)", requests, masters, falseFailureProbability, TARGET);
    }
}
