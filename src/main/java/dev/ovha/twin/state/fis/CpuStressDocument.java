package dev.ovha.twin.state.fis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one SSM document the twin's {@code aws:ssm:send-command} runs: AWS's {@code AWSFIS-Run-CPU-Stress}
 * (stress-ng on the instance), with its parameters as AWS documents them — {@code DurationSeconds}
 * (required), {@code CPU} (number of stressors, 0 = one per vCPU, the default), {@code LoadPercent}
 * (0–100, default 100) and {@code InstallDependencies} (ignored: nothing to install in a twin). FIS
 * passes them as a JSON string whose values may be strings or numbers.
 *
 * @param workers 0 means one stressor per vCPU
 */
record CpuStressDocument(Duration stressDuration, int workers, double loadPercent) {

    static final String NAME = "AWSFIS-Run-CPU-Stress";
    private static final Pattern ARN = Pattern.compile("arn:aws:ssm:[a-z0-9-]+::document/(.+)");
    private static final Set<String> PARAMETERS = Set.of("DurationSeconds", "CPU", "LoadPercent", "InstallDependencies");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** vCPUs of the instance types the stack uses; an unknown type counts as fully loaded by any stressor count. */
    private static final Map<String, Integer> VCPUS = Map.of("c5.large", 2, "c5.xlarge", 4, "c5.2xlarge", 8,
            "c5.4xlarge", 16, "c6i.xlarge", 4, "m5.xlarge", 4);

    static CpuStressDocument parse(String actionName, String documentArn, String documentParameters) {
        var arn = ARN.matcher(documentArn);
        if (!arn.matches()) {
            throw FisRejection.validation("Action " + actionName + ": documentArn must be an SSM document ARN such as arn:aws:ssm:<region>::document/"
                    + NAME + ", got '" + documentArn + "'");
        }
        if (!arn.group(1).equals(NAME)) {
            throw FisRejection.validation("Action " + actionName + ": the ovha twin runs only the SSM document " + NAME
                    + " through aws:ssm:send-command, not " + arn.group(1));
        }
        JsonNode params;
        try {
            params = JSON.readTree(documentParameters);
        } catch (JsonProcessingException e) {
            throw FisRejection.validation("Action " + actionName + ": documentParameters must be a JSON object, got '"
                    + documentParameters + "'");
        }
        if (params == null || !params.isObject()) {
            throw FisRejection.validation("Action " + actionName + ": documentParameters must be a JSON object, got '"
                    + documentParameters + "'");
        }
        for (Iterator<String> names = params.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PARAMETERS.contains(name)) {
                throw FisRejection.validation("Action " + actionName + ": " + NAME + " has no parameter '" + name
                        + "'; its parameters are CPU, DurationSeconds, InstallDependencies, LoadPercent");
            }
        }
        long seconds = number(actionName, params, "DurationSeconds", -1);
        if (seconds < 1) {
            throw FisRejection.validation("Action " + actionName + ": " + NAME + " needs DurationSeconds, a positive number of seconds");
        }
        long workers = number(actionName, params, "CPU", 0);
        long load = number(actionName, params, "LoadPercent", 100);
        if (workers < 0 || load < 0 || load > 100) {
            throw FisRejection.validation("Action " + actionName + ": " + NAME
                    + " needs CPU >= 0 and LoadPercent between 0 and 100");
        }
        return new CpuStressDocument(Duration.ofSeconds(seconds), (int) workers, load);
    }

    /** The CPU the stress holds an instance of this type at, in percent. */
    double percentOn(String instanceType) {
        Integer vcpus = VCPUS.get(instanceType);
        if (workers == 0 || vcpus == null) {
            return loadPercent;
        }
        return loadPercent * Math.min(workers, vcpus) / vcpus;
    }

    private static long number(String actionName, JsonNode params, String name, long absent) {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return absent;
        }
        try {
            return Long.parseLong(value.asText().trim());
        } catch (NumberFormatException e) {
            throw FisRejection.validation("Action " + actionName + ": " + NAME + " parameter " + name
                    + " must be a whole number, got '" + value.asText() + "'");
        }
    }
}
