package dev.ovha.twin.seed;

import dev.ovha.twin.TwinOptions;

/**
 * The stack parameters' group sizes and what the groups actually got. They agree unless the
 * {@code autoscaling-params-drift} fault is on, which models someone resizing the groups by hand.
 * MinMediaNodes is the deployed media count (see below).
 */
record StackSizes(int minMasters, int maxMasters, int minMedia, int maxMedia, int masterGroupMin, int masterGroupMax,
                  int mediaGroupMin, int mediaGroupMax, int scaleUpAdjustment) {

    static StackSizes of(TwinOptions options, boolean drift) {
        int minMasters = 1;
        int maxMasters = Math.max(4, options.masters());
        // The twin's choice: MinMediaNodes equals the deployed media count. The stack's CloudWatch alarms
        // execute their scaling policies, and on an idle stack (CPU 5-15 %) the scale-down alarm is in
        // ALARM for good; with MinSize at the media count its -1 policy is a no-op, so the deployed stack
        // stays as deployed until something (a CPU stress) makes it scale out.
        int minMedia = options.media();
        int maxMedia = Math.max(4, options.media() + 1);
        int drifted = drift ? 2 : 0;
        return new StackSizes(minMasters, maxMasters, minMedia, maxMedia, minMasters, maxMasters + drifted, minMedia,
                maxMedia + drifted, 1);
    }
}
