package dev.ovha.probe;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The availability numbers of one probing run.
 *
 * @param url                what was requested
 * @param start              when probing started
 * @param end                when it stopped
 * @param requests           requests sent
 * @param successes          of which answered 2xx
 * @param successRatio       successes per request
 * @param mergeGapMillis     failures closer than this belong to one error window
 * @param longestErrorWindow the longest window of failures, null when nothing failed
 * @param errorWindows       every window of failures, oldest first
 * @param outcomes           requests per status or error class
 * @param instanceMix        answers per {@code AWS_INSTANCE_ID}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineSummary(String url, Instant start, Instant end, int requests, int successes,
                              double successRatio, long mergeGapMillis, ErrorWindow longestErrorWindow,
                              List<ErrorWindow> errorWindows, Map<String, Integer> outcomes,
                              Map<String, Integer> instanceMix) {

    /** {@code 412 requests, 97.8 % ok, longest error window 620 ms (9 failures) from 10:00:01.250Z}. */
    public String oneLine() {
        String window = longestErrorWindow == null ? "no error window"
                : "longest error window " + longestErrorWindow.durationMillis() + " ms ("
                + longestErrorWindow.failures() + " failures) from " + longestErrorWindow.start();
        return String.format(Locale.ROOT, "%d requests, %.1f %% ok, %s", requests, 100 * successRatio, window);
    }
}
