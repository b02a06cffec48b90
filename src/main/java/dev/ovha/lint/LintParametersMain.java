package dev.ovha.lint;

import dev.ovha.aws.AwsClients;
import dev.ovha.aws.AwsTarget;
import dev.ovha.aws.CallLimits;
import dev.ovha.driver.Ec2Instances;
import dev.ovha.report.Evidence;
import dev.ovha.rules.ParameterRules;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;

/**
 * {@code scripts/lint-parameters}: the conformance suite's parameter rules on a local parameters file,
 * before deploying. One line per broken rule, exit 1 if any, 0 if none, 2 for a usage or file problem.
 * Subnet zones need EC2: with {@code --region} they are resolved with the default AWS credentials,
 * otherwise that one rule is skipped and said so.
 */
public final class LintParametersMain {
    static final String USAGE = "usage: scripts/lint-parameters FILE [--stack NAME] [--region REGION [--endpoint URL]]";

    private LintParametersMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("lint-parameters: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Map<String, String> parameters;
        try {
            if (!Files.isRegularFile(arguments.file())) {
                throw new IllegalArgumentException(arguments.file() + " is not a file");
            }
            parameters = ParametersFile.read(arguments.file());
        } catch (IOException | IllegalArgumentException e) {
            err.println("lint-parameters: cannot read " + arguments.file() + ": " + e.getMessage());
            return 2;
        }
        Optional<Map<String, String>> zones;
        try {
            zones = arguments.region().map(region -> subnetZones(region, arguments.endpoint(), parameters));
        } catch (SdkException e) {
            err.println("lint-parameters: cannot resolve the subnets' zones through EC2: " + e.getMessage());
            return 2;
        }
        if (zones.isEmpty()) {
            err.println("lint-parameters: note: subnet zones cannot be resolved offline, so 'OpenViduSubnets in two"
                    + " availability zones' was not checked; pass --region REGION to resolve them with your AWS credentials");
        }
        List<ParameterRules.Violation> violations = ParameterRules.check(new ParameterRules.Input(parameters,
                arguments.stack(), Optional.empty(), zones));
        violations.forEach(out::println);
        if (violations.isEmpty()) {
            err.println("lint-parameters: " + arguments.file() + " breaks none of the rules");
            return 0;
        }
        return 1;
    }

    private static Map<String, String> subnetZones(String region, Optional<URI> endpoint, Map<String, String> parameters) {
        List<String> subnets = Arrays.stream(parameters.getOrDefault("OpenViduSubnets", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        AwsTarget target = new AwsTarget(endpoint, Region.of(region), DefaultCredentialsProvider.builder().build(),
                CallLimits.DEFAULT);
        try (AwsClients aws = new AwsClients(target)) {
            return new Ec2Instances(aws, Evidence.NONE).subnetZones(subnets);
        }
    }

    /** The command line, parsed. */
    record Arguments(Path file, Optional<String> stack, Optional<String> region, Optional<URI> endpoint) {
        static Arguments parse(String[] args) {
            Path file = null;
            Optional<String> stack = Optional.empty();
            Optional<String> region = Optional.empty();
            Optional<URI> endpoint = Optional.empty();
            List<String> rest = new ArrayList<>(List.of(args));
            while (!rest.isEmpty()) {
                String arg = rest.remove(0);
                switch (arg) {
                    case "--stack" -> stack = Optional.of(value(arg, rest));
                    case "--region" -> region = Optional.of(value(arg, rest));
                    case "--endpoint" -> endpoint = Optional.of(URI.create(value(arg, rest)));
                    default -> {
                        if (arg.startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument " + arg);
                        }
                        file = Path.of(arg);
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("no parameters file given");
            }
            if (endpoint.isPresent() && region.isEmpty()) {
                throw new IllegalArgumentException("--endpoint needs --region");
            }
            return new Arguments(file, stack, region, endpoint);
        }

        private static String value(String option, List<String> rest) {
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return rest.remove(0);
        }
    }
}
