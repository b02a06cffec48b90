package dev.ovha.twin.service.fis;

import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.HttpReply;
import dev.ovha.twin.protocol.JsonCodec;
import dev.ovha.twin.protocol.JsonInput;
import dev.ovha.twin.protocol.Page;
import dev.ovha.twin.protocol.RestRequest;
import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.service.RestService;
import dev.ovha.twin.state.World;
import dev.ovha.twin.state.fis.Experiment;
import dev.ovha.twin.state.fis.ExperimentTemplate;
import dev.ovha.twin.state.fis.FisRejection;
import dev.ovha.twin.state.fis.FisState;
import dev.ovha.twin.state.fis.ResolvedTarget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * AWS Fault Injection Service over rest-json (API 2020-12-01): experiment templates, experiments run on
 * the twin's stack, resolved targets and tags. Every other FIS operation is recognised and refused with
 * a 400 that names it. Errors are FIS's: ValidationException 400, ResourceNotFoundException 404,
 * ConflictException 409, with the bare code in {@code x-amzn-ErrorType}.
 */
public final class FisService implements RestService {

    private static final JsonCodec CODEC = JsonCodec.restJson();

    private final int pageSize;
    private final Map<String, BiFunction<FisCall, FisState, Struct>> operations = new LinkedHashMap<>();

    private record FisCall(FisOperation operation, RestRequest request) {

        String resource() {
            return operation.resource().orElseThrow();
        }

        JsonInput body() {
            return JsonInput.parse(request.body());
        }
    }

    /** @param pageSize the most entries a listing page holds (the twin's small default page size) */
    public FisService(int pageSize) {
        this.pageSize = pageSize;
        operations.put("CreateExperimentTemplate", this::createTemplate);
        operations.put("GetExperimentTemplate", (call, fis) -> Struct.of().put("experimentTemplate",
                FisShapes.template(fis.template(call.resource()))));
        operations.put("DeleteExperimentTemplate", (call, fis) -> Struct.of().put("experimentTemplate",
                FisShapes.template(fis.deleteTemplate(call.resource()))));
        operations.put("ListExperimentTemplates", this::listTemplates);
        operations.put("StartExperiment", this::startExperiment);
        operations.put("GetExperiment", (call, fis) -> Struct.of().put("experiment",
                FisShapes.experiment(fis.experiment(call.resource()))));
        operations.put("StopExperiment", (call, fis) -> Struct.of().put("experiment",
                FisShapes.experiment(fis.stopExperiment(call.resource()))));
        operations.put("ListExperiments", this::listExperiments);
        operations.put("ListExperimentResolvedTargets", this::listResolvedTargets);
        operations.put("TagResource", (call, fis) -> {
            JsonInput in = call.body();
            if (!in.has("tags")) {
                throw AwsError.badRequest("ValidationException",
                        "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
            }
            fis.tag(call.resource(), in.stringMap("tags"));
            return Struct.of();
        });
        operations.put("UntagResource", (call, fis) -> {
            fis.untag(call.resource(), call.request().params("tagKeys"));
            return Struct.of();
        });
        operations.put("ListTagsForResource", (call, fis) -> Struct.of().put("tags",
                FisShapes.map(fis.tags(call.resource()))));
    }

    @Override
    public String signingName() {
        return "fis";
    }

    @Override
    public String displayName() {
        return "FIS";
    }

    @Override
    public HttpReply handle(RestRequest request, World world) {
        FisOperation operation = FisOperation.resolve(request);
        BiFunction<FisCall, FisState, Struct> handler = operations.get(operation.name());
        if (handler == null) {
            throw AwsError.badRequest("UnknownOperationException", "The operation " + operation.name()
                    + " of FIS is not implemented by the ovha twin (" + request.method() + " " + request.path()
                    + "); it serves " + String.join(", ", operations.keySet()));
        }
        try {
            return CODEC.success(operation.name(), handler.apply(new FisCall(operation, request), world.fis()),
                    request.requestId());
        } catch (FisRejection rejection) {
            throw switch (rejection.kind()) {
                case VALIDATION -> AwsError.badRequest("ValidationException", rejection.getMessage());
                case NOT_FOUND -> new AwsError(404, "ResourceNotFoundException", rejection.getMessage());
                case CONFLICT -> new AwsError(409, "ConflictException", rejection.getMessage());
            };
        }
    }

    @Override
    public HttpReply error(AwsError error, RestRequest request) {
        return CODEC.error(error, request.requestId());
    }

    private Struct createTemplate(FisCall call, FisState fis) {
        JsonInput in = call.body();
        ExperimentTemplate template = fis.createTemplate(in.string("clientToken").orElse(""), FisInputs.template(in),
                in.stringMap("tags"));
        return Struct.of().put("experimentTemplate", FisShapes.template(template));
    }

    private Struct startExperiment(FisCall call, FisState fis) {
        JsonInput in = call.body();
        String token = in.required("clientToken");
        String templateId = in.required("experimentTemplateId");
        String mode = in.struct("experimentOptions").flatMap(o -> o.string("actionsMode")).orElse(Experiment.RUN_ALL);
        Experiment experiment = fis.startExperiment(token, templateId, mode, in.stringMap("tags"));
        return Struct.of().put("experiment", FisShapes.experiment(experiment));
    }

    private Struct listTemplates(FisCall call, FisState fis) {
        return page(call, fis.templates(), FisShapes::templateSummary, "experimentTemplates");
    }

    private Struct listExperiments(FisCall call, FisState fis) {
        return page(call, fis.experiments(call.request().param("experimentTemplateId")), FisShapes::experimentSummary,
                "experiments");
    }

    private Struct listResolvedTargets(FisCall call, FisState fis) {
        Optional<String> name = call.request().param("targetName");
        List<ResolvedTarget> targets = fis.experiment(call.resource()).resolvedTargets().stream()
                .filter(t -> name.map(t.targetName()::equals).orElse(true)).toList();
        return page(call, targets, FisShapes::resolvedTarget, "resolvedTargets");
    }

    private <T> Struct page(FisCall call, List<T> all, Function<T, Struct> shape, String member) {
        Page<T> page = Page.of(all, call.request().param("nextToken"), FisInputs.maxResults(call.request()), pageSize,
                token -> AwsError.badRequest("ValidationException", "The nextToken '" + token + "' is not valid"));
        return Struct.of().put(member, page.items().stream().map(shape).toList()).put("nextToken", page.nextToken());
    }
}
