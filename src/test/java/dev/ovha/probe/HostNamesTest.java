package dev.ovha.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostNamesTest {

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "ov.example.com, ov.example.com, true",
            "OV.Example.com, ov.example.COM, true",
            "ov.example.com., ov.example.com, true",
            "*.example.com, ov.example.com, true",
            "*.example.com, example.com, false",
            "*.example.com, a.ov.example.com, false",
            "*.com, example.com, false",
            "ov.example.com, other.example.com, false",
            "127.0.0.1, 127.0.0.1, true",
            "127.0.0.1, 127.0.0.2, false",
            "localhost, 127.0.0.1, false",
            "wrong-host.ovha.test, 127.0.0.1, false"})
    void followsTheRulesBrowsersApply(String name, String host, boolean covered) {
        assertThat(HostNames.covers(name, host)).isEqualTo(covered);
    }
}
