package dev.ovha.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchOptionsTest {

    @Test
    void theDefaultsAreTheIssuesMeasurements() {
        BenchOptions options = BenchOptions.parse();
        assertThat(options.repetitions()).isEqualTo(3);
        assertThat(options.scaleRepetitions()).isEqualTo(3);
        assertThat(options.scales()).containsExactly(new BenchOptions.Size(2, 2), new BenchOptions.Size(4, 50),
                new BenchOptions.Size(6, 200));
        assertThat(options.conformanceTags()).isEqualTo("@conformance");
        assertThat(options.fullTags()).as("every scenario").isEmpty();
        assertThat(options.out()).isEqualTo(Path.of("reports", "bench", "bench.json"));
        assertThat(options.runsSuites()).isTrue();
        assertThat(options.runsProber()).isTrue();
    }

    @Test
    void scalesAreSortedSmallestFirstAndTheSmallestIsTheReference() {
        BenchOptions options = BenchOptions.parse("--scales", "6x200,2X2, 4x50", "--only", "suites");
        assertThat(options.scales()).extracting(BenchOptions.Size::toString).containsExactly("2x2", "4x50", "6x200");
        assertThat(options.reference()).isEqualTo(new BenchOptions.Size(2, 2));
        assertThat(options.runsProber()).isFalse();
        assertThat(List.of(options.scales().get(2).nodes())).containsExactly(206);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--repetitions|0|--repetitions: '0' is not a whole number from 1 to 9",
            "--scales|2x|--scales media: '' is not a whole number from 0 to 1000",
            "--scales|2x2,2x2|--scales: 2x2 is listed twice",
            "--scales|abc|--scales: 'abc' is not MASTERSxMEDIA, such as 4x50",
            "--prober-rate|5000|--prober-rate: '5000' is not a number from 1 to 1000",
            "--only|lag|--only: 'lag' is not one of all, suites, prober",
            "--out|bench.txt|--out: 'bench.txt' is not a .json file name",
            "--conformance-tags| |--conformance-tags needs a Cucumber tag expression, such as @conformance"})
    void badInputIsOneLineNamingTheOption(String flag, String value, String message) {
        assertThatThrownBy(() -> BenchOptions.parse(flag, value == null ? "" : value))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void unknownOptionsAndMissingValuesShowTheUsage() {
        assertThatThrownBy(() -> BenchOptions.parse("--fast", "yes")).hasMessageStartingWith("unknown option '--fast'; usage:")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> BenchOptions.parse("--repetitions")).hasMessageStartingWith("--repetitions needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("fast")).hasMessageStartingWith("unexpected argument 'fast'");
    }
}
