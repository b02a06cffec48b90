package dev.ovha.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // Jackson's own message runs over two lines and quotes no source; one line with the place is enough.
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new IllegalArgumentException("not valid JSON" + where + ": " + e.getOriginalMessage());
        }
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
