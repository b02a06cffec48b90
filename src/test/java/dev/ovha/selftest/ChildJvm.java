package dev.ovha.selftest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command a user runs, played in a child JVM on this test run's classpath: a working directory of its
 * own (with {@code features/} linked in, so the suite finds the scenarios and its reports stay there), an
 * environment cleared of this machine's {@code OVHA_*} and {@code AWS_*} variables plus the given ones,
 * {@code -D} flags, and stdout and stderr captured to files.
 */
final class ChildJvm {
    private final Path workDir;
    private final List<String> jvmFlags = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();

    private ChildJvm(Path workDir) {
        this.workDir = workDir;
    }

    /** A child working in {@code workDir}, created if needed, with the project's {@code features/} linked in. */
    static ChildJvm in(Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path features = workDir.resolve(InProcessSuite.FEATURES);
            if (!Files.exists(features, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(features, Path.of(InProcessSuite.FEATURES).toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ChildJvm(workDir);
    }

    ChildJvm flag(String key, String value) {
        jvmFlags.add("-D" + key + "=" + value);
        return this;
    }

    ChildJvm flags(Map<String, String> flags) {
        flags.forEach(this::flag);
        return this;
    }

    ChildJvm env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Path workDir() {
        return workDir;
    }

    /** What the child did: its exit status and everything it printed. */
    record Result(int exitCode, List<String> stdout, List<String> stderr, Path stdoutFile, Path stderrFile) {
        List<String> allLines() {
            List<String> all = new ArrayList<>(stderr);
            all.addAll(stdout);
            return all;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + String.join("\n", stdout) + "\n--- stderr\n"
                    + String.join("\n", stderr);
        }
    }

    /** Starts {@code mainClass} with {@code args}; the caller waits for it or kills it. */
    Process start(Class<?> mainClass, String... args) {
        // A short-lived run: the C1 compiler and the serial collector start it faster and take less CPU.
        List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(stdoutFile().toFile()).redirectError(stderrFile().toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("OVHA_") || name.startsWith("AWS_"));
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code mainClass} to its end (at most {@code timeoutSeconds}, then it is killed and reported). */
    Result run(int timeoutSeconds, Class<?> mainClass, String... args) {
        Process process = start(mainClass, args);
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(mainClass.getSimpleName() + " did not end within " + timeoutSeconds + " s; "
                        + result(-1));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return result(process.exitValue());
    }

    Result result(int exitCode) {
        try {
            return new Result(exitCode, Files.readAllLines(stdoutFile(), StandardCharsets.UTF_8),
                    Files.readAllLines(stderrFile(), StandardCharsets.UTF_8), stdoutFile(), stderrFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path stdoutFile() {
        return workDir.resolve("stdout.txt");
    }

    Path stderrFile() {
        return workDir.resolve("stderr.txt");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
