package dev.ovha.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.config.Timeouts;
import dev.ovha.report.Evidence;
import dev.ovha.testing.TwinFixture;
import dev.ovha.twin.TwinOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The queue's newest minutes are the stack's, whatever this machine's clock says: a twin left running for half
 * an hour at time scale 60 stands a day ahead of us, and the minutes read are its own.
 */
class QueueMetricsClockTest {
    private static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(5), Duration.ofMillis(50));

    @Test
    void aStackWhoseClockIsADayAheadOfOursIsReadAtItsOwnNow() {
        Instant dayAhead = Instant.now().plus(Duration.ofHours(30)).truncatedTo(ChronoUnit.SECONDS);
        try (TwinFixture fixture = TwinFixture.of(TwinOptions.defaults().withManualClock(dayAhead))) {
            fixture.twin().advance(Duration.ofMinutes(6));
            QueueActivity activity = new QueueMetrics(fixture.aws(), Evidence.NONE, TIMEOUTS).recent("ovha-twin-SQS.fifo", 3);
            assertThat(activity.minutes()).hasSize(3);
            assertThat(activity.sent()).isPositive();
            assertThat(activity.minutes().get(2).start()).as("the newest minute is the twin's, not ours")
                    .isAfter(fixture.twin().clock().now().minus(Duration.ofMinutes(3)));
        }
    }
}
