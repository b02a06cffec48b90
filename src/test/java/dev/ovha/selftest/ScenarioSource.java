package dev.ovha.selftest;

import java.nio.file.Path;
import java.util.List;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Where a scenario is written and how it is tagged, as the Cucumber engine discovered it: the fault
 * matrix names scenarios by feature file and name, and reports the tags a reader would select them by.
 *
 * @param feature the feature file, relative to the working directory ({@code features/masters.feature})
 * @param line    the scenario's line in that file (0 when the engine does not say)
 * @param name    the scenario's name
 * @param tags    its tags with their {@code @}, the feature's included, sorted
 */
record ScenarioSource(String feature, int line, String name, List<String> tags) {

    static ScenarioSource of(TestIdentifier id) {
        String feature = "";
        int line = 0;
        TestSource source = id.getSource().orElse(null);
        if (source instanceof FileSource file) {
            Path here = Path.of("").toAbsolutePath();
            Path path = file.getFile().toPath().toAbsolutePath();
            feature = (path.startsWith(here) ? here.relativize(path) : path).toString().replace('\\', '/');
            line = file.getPosition().map(FilePosition::getLine).orElse(0);
        }
        List<String> tags = id.getTags().stream().map(TestTag::getName).map(t -> "@" + t).sorted().toList();
        return new ScenarioSource(feature, line, id.getDisplayName(), tags);
    }
}
