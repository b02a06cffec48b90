package dev.ovha.twin.seed;

import dev.ovha.twin.TwinOptions;

/**
 * The stack parameters' group sizes and what the groups actually got. They agree unless the
 * {@code autoscaling-params-drift} fault is on, which models someone resizing the groups by hand.
 */
record StackSizes(int minMasters, int maxMasters, int minMedia, int maxMedia, int masterGroupMin, int masterGroupMax,
                  int mediaGroupMin, int mediaGroupMax, int scaleUpAdjustment) {

    static StackSizes of(TwinOptions options, boolean drift) {
        int minMasters = 1;
        int maxMasters = Math.max(4, options.masters());
        int minMedia = Math.min(1, options.media());
        int maxMedia = Math.max(4, options.media() + 1);
        int drifted = drift ? 2 : 0;
        return new StackSizes(minMasters, maxMasters, minMedia, maxMedia, minMasters, maxMasters + drifted, minMedia,
                maxMedia + drifted, 1);
    }
}
