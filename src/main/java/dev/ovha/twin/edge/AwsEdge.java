package dev.ovha.twin.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.ovha.twin.protocol.HttpReply;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
            write(exchange, reply);
        }
    }

    static void write(HttpExchange exchange, HttpReply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        if (head) {
            // A HEAD answer has no body but announces the length a GET would have had (S3 HeadObject: the
            // object's size, which the reply states in its headers). The JDK server writes no Content-Length
            // for HEAD itself, and wants -1 here, so the header is set by hand.
            if (!reply.headers().containsKey("Content-Length")) {
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(reply.body().length));
            }
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        if (reply.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

}
