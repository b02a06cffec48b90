package dev.ovha.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoverageBoundTest {

    @ParameterizedTest
    @CsvSource({"2, 21", "3, 37", "4, 53", "6, 86"})
    void theBoundIsTheFewestRequestsThatMissAMasterWithProbabilityBelowOneInAMillion(int masters, int requests) {
        CoverageBound bound = CoverageBound.forMasters(masters);
        assertThat(bound.requests()).isEqualTo(requests);
        assertThat(bound.falseFailureProbability()).isLessThan(CoverageBound.TARGET);
        double oneFewer = masters * Math.pow(1 - 1.0 / masters, requests - 1);
        assertThat(oneFewer).as("one request fewer would not be enough").isGreaterThanOrEqualTo(CoverageBound.TARGET);
    }

    @Test
    void aSingleMasterIsAskedAFewTimesToShowItsIdIsStable() {
        CoverageBound bound = CoverageBound.forMasters(1);
        assertThat(bound.requests()).isEqualTo(CoverageBound.SINGLE_MASTER_REQUESTS);
        assertThat(bound.falseFailureProbability()).isZero();
        assertThat(bound.explained()).contains("single master");
    }

    @Test
    void theExplanationStatesTheBoundAndTheProbability() {
        assertThat(CoverageBound.forMasters(2).explained())
                .isEqualTo("21 requests for 2 masters (false-failure probability 9.5e-07 < 1e-06 under uniformly random balancing)");
    }

    @Test
    void noMasterIsNoBound() {
        assertThatThrownBy(() -> CoverageBound.forMasters(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
