package dev.ovha.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A CloudFormation parameters file, the form {@code aws cloudformation create-stack --parameters
 * file://...} takes: {@code [{"ParameterKey": "...", "ParameterValue": "..."}, ...]}.
 */
public final class ParametersFile {
    private ParametersFile() {
    }

    /**
     * @throws IllegalArgumentException when the file is not in that form, saying where
     */
    public static Map<String, String> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(file + ": expected a JSON array of {\"ParameterKey\": ...,"
                    + " \"ParameterValue\": ...} objects");
        }
        Map<String, String> parameters = new TreeMap<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode entry = root.get(i);
            if (!entry.hasNonNull("ParameterKey") || !entry.has("ParameterValue")) {
                throw new IllegalArgumentException(file + ": entry " + (i + 1) + " lacks ParameterKey or ParameterValue");
            }
            parameters.put(entry.get("ParameterKey").asText(), entry.get("ParameterValue").asText(""));
        }
        return parameters;
    }
}
