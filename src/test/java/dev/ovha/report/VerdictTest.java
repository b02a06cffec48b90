package dev.ovha.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void aFailedAssertionIsTheStackBreakingAPromiseAndAnyOtherErrorIsBroken() {
        assertThat(Verdict.of(new Result(Status.PASSED, Duration.ZERO, null))).isEqualTo(Verdict.PASSED);
        assertThat(Verdict.of(new Result(Status.FAILED, Duration.ZERO, new AssertionError("masters in one zone"))))
                .isEqualTo(Verdict.FAILED);
        assertThat(Verdict.of(new Result(Status.FAILED, Duration.ZERO, new IllegalStateException("AWS throttled"))))
                .isEqualTo(Verdict.BROKEN);
        assertThat(Verdict.of(new Result(Status.SKIPPED, Duration.ZERO, null))).isEqualTo(Verdict.SKIPPED);
        assertThat(Verdict.of(new Result(Status.UNDEFINED, Duration.ZERO, null))).isEqualTo(Verdict.BROKEN);
    }

    @Test
    void allureCategoriesNameTheThreeVerdicts() {
        List<Map<String, Object>> categories = AllureRunFiles.categories();
        assertThat(categories).extracting(c -> c.get("name")).containsExactly("The stack broke a promise",
                "Harness or AWS error", "Precondition or safety refusal");
        assertThat(categories).extracting(c -> c.get("matchedStatuses"))
                .containsExactly(List.of("failed"), List.of("broken"), List.of("skipped"));
    }
}
