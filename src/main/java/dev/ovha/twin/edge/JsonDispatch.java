package dev.ovha.twin.edge;

import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.HttpReply;
import dev.ovha.twin.protocol.JsonCodec;
import dev.ovha.twin.protocol.JsonInput;
import dev.ovha.twin.service.JsonService;
import dev.ovha.twin.state.World;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The AWS JSON branch of {@link AwsRouter}: the operation is the text after the first {@code .} of
 * {@code X-Amz-Target}, and the prefix before it must be the service's own. A wrong prefix or an
 * operation the twin does not emulate is a 400 {@code UnknownOperationException} naming both; a body
 * that is not a JSON object is a 400 {@code SerializationException}.
 */
final class JsonDispatch {


    private final Supplier<World> world;
    private final Map<String, JsonService> services = new LinkedHashMap<>();

    JsonDispatch(Supplier<World> world, List<JsonService> services) {
        this.world = world;
        services.forEach(s -> this.services.put(s.signingName(), s));
    }

    Optional<JsonService> service(String signingName) {
        return Optional.ofNullable(services.get(signingName));
    }

    HttpReply handle(JsonService service, AwsRequest request, String requestId) {
        JsonCodec codec = service.codec();
        String target = request.header("X-Amz-Target").orElse("");
        String operation = target.contains(".") ? target.substring(target.indexOf('.') + 1) : target;
        try {
            if (target.isEmpty()) {
                throw unknownOperation("The " + service.displayName() + " API expects a POST with X-Amz-Target: "
                        + service.targetPrefix() + ".<Operation>; got " + request.method() + " " + request.path()
                        + " without X-Amz-Target");
            }
            String prefix = target.contains(".") ? target.substring(0, target.indexOf('.')) : "";
            if (!prefix.equals(service.targetPrefix())) {
                throw unknownOperation("The ovha twin's '" + service.signingName() + "' endpoint expects X-Amz-Target "
                        + service.targetPrefix() + ".<Operation>, not '" + target + "' (operation " + operation
                        + " of " + service.displayName() + ")");
            }
            var handler = service.operation(operation).orElseThrow(() -> unknownOperation("The operation " + operation
                    + " of " + service.displayName() + " is not implemented by the ovha twin"));
            return OperationInvoker.invoke(world.get(), service.signingName(), operation, handler,
                    JsonInput.parse(request.body()), codec, requestId);
        } catch (AwsError e) {
            return codec.error(e, requestId);
        }
    }

    private static AwsError unknownOperation(String message) {
        return AwsError.badRequest("UnknownOperationException", message);
    }
}
