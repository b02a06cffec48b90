package dev.ovha.twin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.sim.Timings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code scripts/twin}: runs a twin in the foreground until SIGINT or SIGTERM, after writing its
 * endpoints as JSON to the file named by {@code --endpoints-file}. Bad arguments get one line on stderr
 * and exit status 2.
 */
public final class TwinMain {

    static final String USAGE = "usage: scripts/twin --endpoints-file F [--stack S] [--masters N] [--media N] "
            + "[--time-scale X] [--fault NAME]... [--seed N] [--region R] [--version V] [--secret S] [--es-password P] [--timing NAME=SECONDS]...";

    private TwinMain() {
    }

    public static void main(String[] args) throws Exception {
        Launch launch;
        try {
            launch = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("scripts/twin: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (launch == null) {
            System.out.println(USAGE);
            return;
        }
        Twin twin = Twin.start(launch.options());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            twin.close();
            stopped.countDown();
        }, "twin-shutdown"));
        try {
            writeEndpoints(launch.endpointsFile(), twin.endpoints());
        } catch (IOException | RuntimeException e) {
            // Without the file nobody can use this twin; stop rather than serve unseen.
            System.err.println("scripts/twin: cannot write " + launch.endpointsFile() + ": " + e);
            System.exit(1);
        }
        TwinEndpoints e = twin.endpoints();
        System.out.println("ovha twin of stack " + e.stack() + " is up (Ctrl-C to stop)");
        System.out.println("  awsEndpoint  " + e.awsEndpoint() + "   region " + e.region());
        System.out.println("  controlUrl   " + e.controlUrl());
        System.out.println("  openviduUrl  " + e.openviduUrl() + "   (plain HTTP " + e.openviduHttpUrl() + " redirects)");
        System.out.println("  credentials  " + e.accessKeyId() + " / (dummy AWS secret, OpenVidu secret and CA in "
                + launch.endpointsFile() + ")");
        System.out.println("  endpoints    " + launch.endpointsFile().toAbsolutePath());
        System.out.flush();
        stopped.await();
    }

    record Launch(Path endpointsFile, TwinOptions options) {
    }

    /** Parses the command line; {@code null} means help was asked for. */
    static Launch parse(String[] args) {
        TwinOptions options = TwinOptions.defaults();
        Path endpoints = null;
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        Timings timings = options.timings();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("-h") || flag.equals("--help")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
            }
            String value = args[++i];
            switch (flag) {
                case "--endpoints-file" -> endpoints = Path.of(value);
                case "--stack" -> options = options.withStack(value);
                case "--masters" -> options = options.withSize(integer(flag, value), options.media());
                case "--media" -> options = options.withSize(options.masters(), integer(flag, value));
                case "--time-scale" -> options = options.withTimeScale(number(flag, value));
                case "--seed" -> options = options.withSeed(longNumber(flag, value));
                case "--region" -> options = options.withRegion(value);
                case "--version" -> options = options.withVersion(value);
                case "--secret" -> options = options.withSecret(value);
                case "--es-password" -> options = options.withEsPassword(value);
                case "--fault" -> faults.add(Fault.byId(value).orElseThrow(() -> new IllegalArgumentException(
                        "unknown fault '" + value + "'; known faults: " + Fault.knownIds())));
                case "--timing" -> timings = timing(timings, value);
                default -> throw new IllegalArgumentException("unknown option " + flag + "; " + USAGE);
            }
        }
        if (endpoints == null) {
            throw new IllegalArgumentException("--endpoints-file is required; " + USAGE);
        }
        return new Launch(endpoints, options.withFaults(faults).withTimings(timings));
    }

    private static Timings timing(Timings timings, String value) {
        int eq = value.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("--timing expects NAME=SECONDS, got '" + value + "'");
        }
        return timings.with(value.substring(0, eq), number("--timing " + value.substring(0, eq), value.substring(eq + 1)));
    }

    private static int integer(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " expects a whole number, got '" + value + "'");
        }
    }

    private static long longNumber(String flag, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " expects a whole number, got '" + value + "'");
        }
    }

    private static double number(String flag, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " expects a number, got '" + value + "'");
        }
    }

    /** The CA certificate beside the endpoints file, for tools that want a path ({@code curl --cacert}). */
    static Path caPemFile(Path endpointsFile) {
        String name = endpointsFile.getFileName().toString().replaceFirst("\\.json$", "");
        return endpointsFile.toAbsolutePath().resolveSibling(name + ".ca.pem");
    }

    /** Writes atomically, so a tool polling for the file never reads half of it. */
    static void writeEndpoints(Path file, TwinEndpoints endpoints) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("awsEndpoint", endpoints.awsEndpoint().toString());
        json.put("region", endpoints.region());
        json.put("stack", endpoints.stack());
        json.put("accessKeyId", endpoints.accessKeyId());
        json.put("secretAccessKey", endpoints.secretAccessKey());
        json.put("controlUrl", endpoints.controlUrl().toString());
        json.put("openviduUrl", endpoints.openviduUrl().toString());
        json.put("openviduHttpUrl", endpoints.openviduHttpUrl().toString());
        json.put("caPem", endpoints.caPem());
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path caFile = caPemFile(file);
        Files.writeString(caFile, endpoints.caPem());
        json.put("caPemFile", caFile.toAbsolutePath().toString());
        json.put("secret", endpoints.secret());
        Path temp = Files.createTempFile(absolute.getParent(), ".twin-endpoints", ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(temp.toFile(), json);
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
