package dev.ovha.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The benchmark times the suite in the JVM {@code ./mvnw verify} gives it, not in a better-tuned one. */
class SuiteJvmArgsTest {
    @Test
    void theBenchmarksSuiteJvmHasThePomsOptions() throws Exception {
        Matcher property = Pattern.compile("<ovha\\.suite\\.jvmArgs>([^<]*)</ovha\\.suite\\.jvmArgs>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(property.find()).as("ovha.suite.jvmArgs in pom.xml").isTrue();
        assertThat(String.join(" ", SuiteRunner.JVM_ARGS)).isEqualTo(property.group(1).trim());
    }
}
