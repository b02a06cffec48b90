package dev.ovha.twin.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.ovha.twin.protocol.HttpReply;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adapts the JDK HTTP server to {@link AwsRouter}: reads the whole request, writes the reply with a
 * Content-Length. The JDK server itself keeps connections alive and answers {@code Expect: 100-continue}
 * with an interim 100 before the handler reads the body (S3 PutObject from the SDK sends it).
 */
public final class AwsEdge implements HttpHandler {

    /** Bodies beyond this are refused: the control plane never needs them. */
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final AwsRouter router;

    public AwsEdge(AwsRouter router) {
        this.router = router;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange.getRequestBody());
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
            AwsRequest request = new AwsRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body);
            HttpReply reply = body == null
                    ? HttpReply.text(413, "text/plain", "request body too large")
                    : router.handle(request);
            ExchangeReplies.write(exchange, reply);
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

}
