package dev.ovha.twin.edge;

import com.sun.net.httpserver.HttpExchange;
import dev.ovha.twin.protocol.HttpReply;

import java.io.IOException;
import java.io.OutputStream;

/** Writes an {@link HttpReply} to the JDK server's exchange: every endpoint of the twin answers through here. */
public final class ExchangeReplies {

    private ExchangeReplies() {
    }

    public static void write(HttpExchange exchange, HttpReply reply) throws IOException {
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
}
