package dev.ovha.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that records every request and answers from a script, so client settings can be
 * checked on the wire without a network or an AWS account.
 */
final class RecordingHttpServer implements AutoCloseable {

    /** What the server saw. Header names are looked up case-insensitively. */
    record Request(String method, String path, String host, String authorization, String body) {
    }

    /** One scripted answer; {@link #hang()} never answers, until the server closes. */
    record Reply(int status, String contentType, String body, boolean hangs) {
        static Reply xml(int status, String body) {
            return new Reply(status, "text/xml", body, false);
        }

        static Reply empty(int status) {
            return new Reply(status, "text/plain", "", false);
        }

        static Reply hang() {
            return new Reply(0, "", "", true);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Reply> script;
    private final Reply afterScript;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private RecordingHttpServer(List<Reply> script, Reply afterScript) throws IOException {
        this.script = new ArrayDeque<>(script);
        this.afterScript = afterScript;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers with {@code first} replies in order, then with {@code afterwards} for every further request. */
    static RecordingHttpServer start(Reply afterwards, Reply... first) {
        try {
            return new RecordingHttpServer(Arrays.asList(first), afterwards);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Host"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        Reply reply = nextReply();
        if (reply.hangs()) {
            awaitClose();
            exchange.close();
            return;
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private synchronized Reply nextReply() {
        return script.isEmpty() ? afterScript : script.poll();
    }

    private void awaitClose() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
