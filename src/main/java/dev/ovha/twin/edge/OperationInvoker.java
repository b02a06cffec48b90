package dev.ovha.twin.edge;

import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.AwsInput;
import dev.ovha.twin.protocol.HttpReply;
import dev.ovha.twin.protocol.ProtocolCodec;
import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.state.World;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.BiFunction;

/**
 * Runs one decoded operation on the world, under its lock, and answers in the protocol's shape: the
 * output, the AWS error the service raised, or a 500 naming the operation when the twin itself failed.
 */
final class OperationInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(OperationInvoker.class);

    private OperationInvoker() {
    }

    static HttpReply invoke(World world, String service, String operation, BiFunction<AwsInput, World, Struct> handler,
                            AwsInput input, ProtocolCodec codec, String requestId) {
        try {
            Struct output = world.sim().locked(() -> handler.apply(input, world));
            LOG.debug("{} {} -> 200", service, operation);
            return codec.success(operation, output, requestId);
        } catch (AwsError e) {
            LOG.debug("{} {} -> {} {}", service, operation, e.status(), e.code());
            return codec.error(e, requestId);
        } catch (RuntimeException e) {
            LOG.error("twin failure in {} {}", service, operation, e);
            return codec.error(new AwsError(500, "InternalFailure", "The ovha twin failed on " + operation + ": " + e), requestId);
        }
    }
}
