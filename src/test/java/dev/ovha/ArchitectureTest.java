package dev.ovha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules that code review alone would let slip: what steps may import, who may touch
 * Awaitility, what drivers may return, where the environment is read, and that TLS is never relaxed.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/ovha");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)");
    /** Packages whose types must not leak out of drivers: SDKs and HTTP clients. */
    private static final List<String> FOREIGN = List.of("software.amazon.", "io.restassured.", "io.openvidu.java.client.",
            "org.apache.hc.", "org.apache.http.", "org.awaitility.");

    @Test
    void stepsTranslateGherkinIntoDriverCallsAndImportNoSdkHttpClientOrAwaitility() {
        Map<Path, List<String>> offending = importsMatching(MAIN.resolve("steps"), FOREIGN);
        assertThat(offending).as("steps importing AWS SDK, RestAssured, openvidu-java-client, HTTP clients or Awaitility")
                .isEmpty();
        assertThat(sources(MAIN.resolve("steps"))).as("the steps package has step classes").isNotEmpty();
    }

    @Test
    void onlyTheEventuallyPackageTouchesAwaitilityAndNeverItsGlobalDefaults() {
        Map<Path, List<String>> users = importsMatching(MAIN, List.of("org.awaitility."));
        assertThat(users.keySet()).as("classes importing Awaitility").isNotEmpty()
                .allMatch(p -> p.startsWith(MAIN.resolve("eventually")));
        for (Path source : sources(MAIN.resolve("eventually"))) {
            assertThat(read(source)).as(source + " changes Awaitility's global defaults")
                    .doesNotContainPattern("Awaitility\\.(set|reset|ignoreExceptionsByDefault|pollInSameThread|catchUncaught|doNotCatch)");
        }
    }

    @Test
    void tlsVerificationIsNeverRelaxed() {
        for (Path source : sources(Path.of("src"))) {
            if (source.endsWith("ArchitectureTest.java")) {
                continue;
            }
            assertThat(read(source)).as(source.toString())
                    .doesNotContain("relaxedHTTPSValidation")
                    .doesNotContain("allowAllHostnames")
                    .doesNotContain("NoopHostnameVerifier")
                    .doesNotContain("TrustAllStrategy")
                    .doesNotContain("ALLOW_ALL_HOSTNAME_VERIFIER");
        }
    }

    @Test
    void onlyTheConfigurationReadsTheEnvironmentAndNothingOutsideTheTwinSleeps() {
        for (Path source : sources(MAIN)) {
            if (source.startsWith(MAIN.resolve("config")) || source.startsWith(MAIN.resolve("twin"))) {
                continue;
            }
            assertThat(read(source)).as(source.toString())
                    .doesNotContainPattern("System\\.(getenv|getProperty|getProperties)\\(")
                    .doesNotContainPattern("Thread\\.sleep|\\.sleep\\(");
        }
    }

    @Test
    void driversAndProbesReturnOurRecordsNeverSdkOrHttpClientTypes() throws ClassNotFoundException {
        List<String> leaks = new ArrayList<>();
        for (String pkg : List.of("driver", "openvidu", "probe", "rules")) {
            for (Path source : sources(MAIN.resolve(pkg))) {
                String name = "dev.ovha." + pkg + "." + source.getFileName().toString().replace(".java", "");
                Class<?> type = Class.forName(name);
                for (Method method : type.getDeclaredMethods()) {
                    if (Modifier.isPublic(method.getModifiers()) && leaks(method.getGenericReturnType())) {
                        leaks.add(name + "." + method.getName() + " returns " + method.getGenericReturnType());
                    }
                }
                if (type.isRecord()) {
                    for (RecordComponent component : type.getRecordComponents()) {
                        if (leaks(component.getGenericType())) {
                            leaks.add(name + "." + component.getName() + " is a " + component.getGenericType());
                        }
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static boolean leaks(Type type) {
        if (type instanceof Class<?> c) {
            String name = c.isArray() ? c.getComponentType().getName() : c.getName();
            return FOREIGN.stream().anyMatch(name::startsWith);
        }
        if (type instanceof ParameterizedType p) {
            return leaks(p.getRawType()) || Stream.of(p.getActualTypeArguments()).anyMatch(ArchitectureTest::leaks);
        }
        if (type instanceof WildcardType w) {
            return Stream.of(w.getUpperBounds()).anyMatch(ArchitectureTest::leaks);
        }
        return false;
    }

    private static Map<Path, List<String>> importsMatching(Path root, List<String> prefixes) {
        Map<Path, List<String>> found = new TreeMap<>();
        for (Path source : sources(root)) {
            var matcher = IMPORT.matcher(read(source));
            while (matcher.find()) {
                String imported = matcher.group(1);
                if (prefixes.stream().anyMatch(imported::startsWith)) {
                    found.computeIfAbsent(source, k -> new ArrayList<>()).add(imported);
                }
            }
        }
        return found;
    }

    private static List<Path> sources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
