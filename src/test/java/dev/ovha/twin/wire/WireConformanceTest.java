package dev.ovha.twin.wire;

import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code src/test/resources/wire/**}{@code /*.wire} file is a wire case: raw requests against a
 * fresh deterministic twin and expectations on the raw answers. See {@link WireScript} for the format.
 */
class WireConformanceTest {

    @TestFactory
    Stream<DynamicTest> wireCases() throws IOException, URISyntaxException {
        Path root = Path.of(WireConformanceTest.class.getResource("/wire").toURI());
        List<Path> cases;
        try (Stream<Path> files = Files.walk(root)) {
            cases = files.filter(p -> p.toString().endsWith(".wire")).sorted().toList();
        }
        assertThat(cases).as("wire cases").isNotEmpty();
        return cases.stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), file.toUri(), () -> {
            try (Twin twin = Twin.start(TwinOptions.deterministic())) {
                new WireScript(twin).run(Files.readAllLines(file));
            }
        }));
    }
}
