package dev.ovha.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ovha.config.CiRun;
import dev.ovha.config.HarnessConfig;
import dev.ovha.target.TargetEnvironment;
import dev.ovha.target.Targets;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A Cucumber plugin that writes Allure's run-level files next to the results at the end of the run:
 * {@code environment.properties} (stack, region, OpenVidu version, target, ovha version; never a
 * secret), {@code categories.json} (the three verdicts), and {@code executor.json} (the CI build, from
 * the CI system's variables). Configured with the results directory:
 * {@code dev.ovha.report.AllureRunFiles:reports/allure-results}.
 */
public final class AllureRunFiles implements ConcurrentEventListener {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path directory;

    public AllureRunFiles(String directory) {
        this.directory = Path.of(directory);
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunFinished.class, event -> write());
    }

    private void write() {
        try {
            Files.createDirectories(directory);
            JSON.writeValue(directory.resolve("categories.json").toFile(), categories());
            Targets.resolved().ifPresent(env -> {
                writeEnvironment(env);
                writeExecutor(env.config().ci());
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Allure's run files to " + directory, e);
        }
    }

    static List<Map<String, Object>> categories() {
        return List.of(
                category("The stack broke a promise", "failed",
                        "A check found the stack different from what the vendor documents; the message names the"
                                + " defect and the fix."),
                category("Harness or AWS error", "broken",
                        "The check could not reach a verdict: an AWS API error, an exception in the harness."),
                category("Precondition or safety refusal", "skipped",
                        "The check does not apply to this stack (e.g. zones with a single master), or refused to"
                                + " run for safety."));
    }

    private static Map<String, Object> category(String name, String status, String description) {
        Map<String, Object> category = new LinkedHashMap<>();
        category.put("name", name);
        category.put("matchedStatuses", List.of(status));
        category.put("description", description);
        return category;
    }

    private void writeEnvironment(TargetEnvironment env) {
        HarnessConfig config = env.config();
        Properties properties = new Properties();
        properties.setProperty("stack", config.stack());
        properties.setProperty("region", config.region());
        properties.setProperty("target", config.target().configValue());
        properties.setProperty("ovha.version", OvhaVersion.current());
        String openvidu = env.preflightPassed() ? env.preflight().openViduVersion().orElse("unknown") : "unknown";
        properties.setProperty("openvidu.version", openvidu);
        try (Writer out = Files.newBufferedWriter(directory.resolve("environment.properties"), StandardCharsets.UTF_8)) {
            properties.store(out, "ovha run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeExecutor(CiRun ci) {
        Map<String, Object> executor = new LinkedHashMap<>();
        executor.put("name", ci.name());
        executor.put("type", ci.type());
        ci.url().ifPresent(u -> executor.put("url", u));
        executor.put("buildName", ci.buildName());
        ci.buildOrder().ifPresent(o -> executor.put("buildOrder", o));
        ci.buildUrl().ifPresent(u -> executor.put("buildUrl", u));
        executor.put("reportName", "ovha conformance");
        try {
            JSON.writeValue(directory.resolve("executor.json").toFile(), executor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
