package dev.ovha;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.config.ConfigTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's reference parts stay true: the configuration table and the list of scenarios. */
class ReadmeTest {
    private static final Pattern SCENARIO = Pattern.compile("(?m)^\\s*Scenario:\\s*(.+?)\\s*$");

    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void theConfigurationTableIsTheGeneratedOne() throws IOException {
        assertThat(readme()).contains(ConfigTable.markdown());
    }

    @Test
    void everyScenarioIsInTheScenariosTable() throws IOException {
        String readme = readme();
        List<String> scenarios;
        try (Stream<Path> features = Files.list(Path.of("features"))) {
            scenarios = features.filter(p -> p.toString().endsWith(".feature")).flatMap(p -> {
                try {
                    Matcher m = SCENARIO.matcher(Files.readString(p));
                    return m.results().map(r -> r.group(1)).toList().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(scenarios).isNotEmpty();
        assertThat(scenarios).allSatisfy(name -> assertThat(readme).contains("| " + name + " |"));
    }

    @Test
    void theFirstLinesAreTheTwoCommands() throws IOException {
        assertThat(readme().lines().limit(6).toList()).containsSubsequence(
                "./mvnw verify              # the main job: checks the target stack (the embedded twin by default), reports under reports/",
                "./mvnw verify -Pselftest   # the harness's own tests: wire cases, twin dynamics, SDK integration, config");
    }
}
