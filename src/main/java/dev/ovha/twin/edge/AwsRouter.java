package dev.ovha.twin.edge;

import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.FormInput;
import dev.ovha.twin.protocol.HttpReply;
import dev.ovha.twin.protocol.ProtocolCodec;
import dev.ovha.twin.protocol.QueryCodec;
import dev.ovha.twin.protocol.RestRequest;
import dev.ovha.twin.service.FormService;
import dev.ovha.twin.service.RestService;
import dev.ovha.twin.service.JsonService;
import dev.ovha.twin.state.World;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Dispatches a request on the one shared AWS endpoint: the service from the SigV4 credential scope,
 * then the operation from {@code X-Amz-Target} (JSON protocols), {@code Action=}/{@code Version=}
 * (query and EC2), or the REST path. Anything the twin does not emulate gets a 400 in AWS's shape that
 * names the service and the operation — never a 500, which the SDK would retry with back-off.
 */
public final class AwsRouter {

    private static final Logger LOG = LoggerFactory.getLogger(AwsRouter.class);
    private static final ProtocolCodec GENERIC_ERRORS = new QueryCodec("https://ovha.dev/twin/");

    private final Map<String, FormService> formServices = new LinkedHashMap<>();
    private final Map<String, RestService> restServices = new ConcurrentHashMap<>();
    private final Supplier<World> world;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong requestIds = new AtomicLong();
    private final JsonDispatch json;

    public AwsRouter(Supplier<World> world, List<FormService> services) {
        this(world, services, List.of());
    }

    /** {@code jsonServices}: the services spoken through AWS JSON 1.0/1.1 ({@code X-Amz-Target}). */
    public AwsRouter(Supplier<World> world, List<FormService> services, List<JsonService> jsonServices) {
        this.world = world;
        services.forEach(s -> formServices.put(s.signingName(), s));
        this.json = new JsonDispatch(world, jsonServices);
    }

    /** Adds a REST service (S3, FIS), chosen by its signing name like the others. Call before serving. */
    public AwsRouter register(RestService service) {
        restServices.put(service.signingName(), service);
        return this;
    }

    /** How many requests this router has answered: the benchmark counts AWS calls with it. */
    public long requestCount() {
        return requests.get();
    }

    public HttpReply handle(AwsRequest request) {
        String requestId = nextRequestId();
        Optional<String> service = request.signingService();
        if (service.isEmpty()) {
            return GENERIC_ERRORS.error(new AwsError(403, "MissingAuthenticationToken",
                    "Request is missing a SigV4 Authorization header; the twin routes by its credential scope. "
                            + "Use an AWS SDK or CLI with any non-empty access key."), requestId);
        }
        Optional<AwsError> wrongRegion = wrongRegion(request);
        Optional<JsonService> jsonService = json.service(service.get());
        if (jsonService.isPresent()) {
            HttpReply reply = wrongRegion.isPresent() ? jsonService.get().codec().error(wrongRegion.get(), requestId)
                    : json.handle(jsonService.get(), request, requestId);
            requests.incrementAndGet();
            return reply;
        }
        FormService form = formServices.get(service.get());
        if (form != null) {
            if (wrongRegion.isPresent()) {
                requests.incrementAndGet();
                return form.codec().error(wrongRegion.get(), requestId);
            }
            return handleForm(form, request, requestId);
        }
        RestService rest = restServices.get(service.get());
        if (rest != null) {
            if (wrongRegion.isPresent()) {
                requests.incrementAndGet();
                return rest.error(wrongRegion.get(), RestRequest.of(request.method(), request.path(), request.query(),
                        request.headers(), request.body(), requestId));
            }
            return handleRest(rest, request, requestId);
        }
        return GENERIC_ERRORS.error(AwsError.badRequest("UnknownService", "The ovha twin does not emulate the AWS service '"
                + service.get() + "' (" + describe(request) + ")"), requestId);
    }

    /**
     * The twin is one region's endpoint, as every AWS regional endpoint is: a request signed for another
     * region is refused the way AWS refuses it (403 SignatureDoesNotMatch), not answered with this
     * region's stack, so that a wrong {@code ovha.region} shows against the twin as it would on AWS.
     */
    private Optional<AwsError> wrongRegion(AwsRequest request) {
        String region = world.get().sim().account().region();
        return request.signingRegion().filter(signed -> !signed.equals(region))
                .map(signed -> new AwsError(403, "SignatureDoesNotMatch", "Credential should be scoped to a valid"
                        + " region: this endpoint serves '" + region + "', the request is signed for '" + signed + "'"));
    }

    private HttpReply handleForm(FormService service, AwsRequest request, String requestId) {
        requests.incrementAndGet();
        try {
            if (!request.isForm()) {
                throw AwsError.badRequest("InvalidAction", "The " + service.displayName()
                        + " API expects a form-encoded POST with Action= and Version=; got " + describe(request));
            }
            Map<String, String> params = FormInput.parse(request.body());
            String operation = params.getOrDefault("Action", "");
            if (operation.isEmpty()) {
                throw AwsError.badRequest("MissingAction", "Could not find operation: the request has no Action parameter");
            }
            String version = params.getOrDefault("Version", "");
            if (!version.equals(service.apiVersion())) {
                throw AwsError.badRequest("InvalidAction", "The ovha twin's '" + service.signingName()
                        + "' endpoint speaks " + service.displayName() + " API version " + service.apiVersion()
                        + ", not '" + version + "' (operation " + operation + ")");
            }
            var handler = service.operation(operation).orElseThrow(() -> AwsError.badRequest("InvalidAction",
                    "The operation " + operation + " of " + service.displayName() + " is not implemented by the ovha twin"));
            return OperationInvoker.invoke(world.get(), service.signingName(), operation, handler,
                    new FormInput(params, service.listStyle()), service.codec(), requestId);
        } catch (AwsError e) {
            return service.codec().error(e, requestId);
        }
    }

    /** A REST service gets the whole request and chooses the operation itself, from method, path and query. */
    private HttpReply handleRest(RestService service, AwsRequest request, String requestId) {
        RestRequest call = RestRequest.of(request.method(), request.path(), request.query(), request.headers(),
                request.body(), requestId);
        HttpReply reply;
        try {
            World current = world.get();
            reply = current.sim().locked(() -> service.handle(call, current));
        } catch (AwsError e) {
            reply = service.error(e, call);
        } catch (RuntimeException e) {
            LOG.error("twin failure in {} {}", service.signingName(), describe(request), e);
            reply = service.error(new AwsError(500, "InternalFailure", "The ovha twin failed on " + describe(request)
                    + ": " + e), call);
        }
        requests.incrementAndGet();
        LOG.debug("{} {} -> {}", service.signingName(), describe(request), reply.status());
        return reply;
    }

    private static String describe(AwsRequest request) {
        return request.method() + " " + request.path() + request.header("X-Amz-Target").map(t -> " target " + t).orElse("");
    }

    private String nextRequestId() {
        long n = requestIds.incrementAndGet();
        return String.format("0vha0000-%04x-4000-8000-%012x", (n >>> 48) & 0xffff, n & 0xffffffffffffL);
    }
}
