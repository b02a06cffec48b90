package dev.ovha.selftest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The self-tests' evidence files under {@code reports/selftest/} (a public path: CI and readers look for
 * them there). Written atomically, so a reader never sees half a file.
 */
final class SelftestReport {
    static final Path DIRECTORY = Path.of("reports", "selftest");

    private SelftestReport() {
    }

    /** Writes {@code content} as indented JSON to {@code reports/selftest/<name>} and returns the path. */
    static Path write(String name, Object content) {
        try {
            Files.createDirectories(DIRECTORY);
            Path target = DIRECTORY.resolve(name);
            Path temp = Files.createTempFile(DIRECTORY, "." + name, ".tmp");
            new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(temp.toFile(), content);
            return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + DIRECTORY.resolve(name), e);
        }
    }
}
