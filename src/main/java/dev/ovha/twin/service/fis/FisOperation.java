package dev.ovha.twin.service.fis;

import dev.ovha.twin.protocol.RestRequest;

import java.util.Optional;

/**
 * Which FIS operation a rest-json request is, named as in the API model (2020-12-01), with the id or
 * ARN its path carries. Operations the twin does not serve resolve too, so that the refusal names them.
 *
 * @param resource the {@code {id}} or {@code {resourceArn}} path label, percent-decoded
 */
record FisOperation(String name, Optional<String> resource) {

    static FisOperation resolve(RestRequest request) {
        String method = request.method();
        String[] parts = request.path().replaceFirst("^/", "").split("/", 2);
        String collection = parts[0];
        String rest = parts.length > 1 ? parts[1] : "";
        if (collection.equals("tags") && !rest.isEmpty()) {
            // The ARN is one (percent-encoded) label: after decoding it has slashes of its own.
            return of(switch (method) {
                case "GET" -> "ListTagsForResource";
                case "POST" -> "TagResource";
                case "DELETE" -> "UntagResource";
                default -> unknown(request);
            }, rest);
        }
        String[] labels = rest.isEmpty() ? new String[0] : rest.split("/");
        return switch (collection) {
            case "experimentTemplates" -> templates(method, labels, request);
            case "experiments" -> experiments(method, labels, request);
            case "actions" -> of(labels.length == 0 ? "ListActions" : "GetAction", labels.length == 0 ? null : labels[0]);
            case "targetResourceTypes" -> of(labels.length == 0 ? "ListTargetResourceTypes" : "GetTargetResourceType", null);
            case "safetyLevers" -> of(labels.length > 1 ? "UpdateSafetyLeverState" : "GetSafetyLever", null);
            default -> of(unknown(request), null);
        };
    }

    private static FisOperation templates(String method, String[] labels, RestRequest request) {
        if (labels.length == 0) {
            return of(switch (method) {
                case "POST" -> "CreateExperimentTemplate";
                case "GET" -> "ListExperimentTemplates";
                default -> unknown(request);
            }, null);
        }
        if (labels.length > 1) {
            String account = labels.length > 2 ? "TargetAccountConfiguration" : "TargetAccountConfigurations";
            return of(switch (method) {
                case "POST" -> "Create" + account;
                case "DELETE" -> "Delete" + account;
                case "PATCH" -> "Update" + account;
                default -> labels.length > 2 ? "GetTargetAccountConfiguration" : "ListTargetAccountConfigurations";
            }, labels[0]);
        }
        return of(switch (method) {
            case "GET" -> "GetExperimentTemplate";
            case "DELETE" -> "DeleteExperimentTemplate";
            case "PATCH" -> "UpdateExperimentTemplate";
            default -> unknown(request);
        }, labels[0]);
    }

    private static FisOperation experiments(String method, String[] labels, RestRequest request) {
        if (labels.length == 0) {
            return of(switch (method) {
                case "POST" -> "StartExperiment";
                case "GET" -> "ListExperiments";
                default -> unknown(request);
            }, null);
        }
        if (labels.length == 2 && labels[1].equals("resolvedTargets") && method.equals("GET")) {
            return of("ListExperimentResolvedTargets", labels[0]);
        }
        if (labels.length > 1 && labels[1].equals("targetAccountConfigurations")) {
            return of(labels.length > 2 ? "GetExperimentTargetAccountConfiguration"
                    : "ListExperimentTargetAccountConfigurations", labels[0]);
        }
        if (labels.length > 1) {
            return of(unknown(request), null);
        }
        return of(switch (method) {
            case "GET" -> "GetExperiment";
            case "DELETE" -> "StopExperiment";
            default -> unknown(request);
        }, labels[0]);
    }

    private static FisOperation of(String name, String resource) {
        return new FisOperation(name, Optional.ofNullable(resource));
    }

    /** Not a FIS operation at all: the method and path say what arrived. */
    private static String unknown(RestRequest request) {
        return request.method() + " " + request.path();
    }
}
