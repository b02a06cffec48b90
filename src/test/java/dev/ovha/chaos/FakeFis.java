package dev.ovha.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A tiny stand-in for AWS FIS (REST-JSON, as the SDK speaks it) until the twin has its own FIS service:
 * templates and experiments with tags and client tokens, pages of two items (so paginators matter), a stop
 * that takes one look to finish, and AWS's not-found error. Every other request (signed for another
 * service) is forwarded to {@code upstream}, so one endpoint serves a whole stack: the twin's AWS and this FIS.
 */
final class FakeFis implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 2;
    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "date", "via", "warning", "from", "keep-alive");

    private final HttpServer server;
    private final URI upstream;
    private final HttpClient forwarder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, ObjectNode> templates = new LinkedHashMap<>();
    private final Map<String, ObjectNode> experiments = new LinkedHashMap<>();
    private final Map<String, String> byClientToken = new LinkedHashMap<>();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private int ids;

    FakeFis(URI upstream) {
        this.upstream = upstream;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fake-fis");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** {@code POST /experimentTemplates}, {@code DELETE /experiments/EXP1}…, in order. */
    List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    synchronized String addTemplate(Map<String, String> tags) {
        String id = "EXT" + (++ids);
        ObjectNode t = JSON.createObjectNode().put("id", id).put("description", "seeded").put("creationTime", 1.7e9);
        t.set("tags", JSON.valueToTree(tags));
        templates.put(id, t);
        return id;
    }

    synchronized String addExperiment(String templateId, String status, Map<String, String> tags) {
        String id = "EXP" + (++ids);
        ObjectNode e = JSON.createObjectNode().put("id", id).put("experimentTemplateId", templateId)
                .put("creationTime", 1.7e9);
        e.set("state", JSON.createObjectNode().put("status", status));
        e.set("tags", JSON.valueToTree(tags));
        e.set("experimentOptions", JSON.createObjectNode().put("actionsMode", "run-all"));
        experiments.put(id, e);
        return id;
    }

    synchronized Map<String, ObjectNode> templates() {
        return Map.copyOf(templates);
    }

    synchronized Map<String, ObjectNode> experiments() {
        return Map.copyOf(experiments);
    }

    synchronized String status(String experimentId) {
        return experiments.get(experimentId).path("state").path("status").asText();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!auth.contains("/fis/aws4_request")) {
                forward(exchange, body);
                return;
            }
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            calls.add(method + " " + path);
            Reply reply;
            synchronized (this) {
                reply = fis(method, path, query(exchange.getRequestURI().getRawQuery()),
                        body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body));
            }
            byte[] out = reply.body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (reply.status >= 400) {
                exchange.getResponseHeaders().set("x-amzn-ErrorType", reply.body.path("__type").asText());
            }
            exchange.sendResponseHeaders(reply.status, out.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(out);
            }
        }
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply fis(String method, String path, Map<String, String> query, JsonNode input) {
        String[] parts = path.split("/");
        String collection = parts.length > 1 ? parts[1] : "";
        String id = parts.length > 2 ? parts[2] : null;
        if (collection.equals("experimentTemplates")) {
            if (method.equals("POST")) {
                return ok("experimentTemplate", create(templates, "EXT", input, (t) -> {
                    t.put("description", input.path("description").asText());
                }));
            }
            if (method.equals("GET") && id == null) {
                return page("experimentTemplates", templates, query);
            }
            if (method.equals("DELETE")) {
                ObjectNode removed = templates.remove(id);
                return removed == null ? notFound("experiment template " + id) : ok("experimentTemplate", removed);
            }
        }
        if (collection.equals("experiments")) {
            if (method.equals("POST")) {
                return ok("experiment", create(experiments, "EXP", input, (e) -> {
                    e.put("experimentTemplateId", input.path("experimentTemplateId").asText());
                    e.set("state", JSON.createObjectNode().put("status", "running"));
                    e.set("experimentOptions", JSON.createObjectNode().put("actionsMode",
                            input.path("experimentOptions").path("actionsMode").asText("run-all")));
                }));
            }
            if (method.equals("GET") && id == null) {
                return page("experiments", experiments, query);
            }
            ObjectNode experiment = id == null ? null : experiments.get(id);
            if (experiment == null) {
                return notFound("experiment " + id);
            }
            String status = experiment.path("state").path("status").asText();
            if (method.equals("GET")) {
                // A stop takes one look to finish, as FIS's does take a while.
                if (status.equals("stopping")) {
                    experiment.set("state", JSON.createObjectNode().put("status", "stopped"));
                }
                return ok("experiment", experiment);
            }
            if (method.equals("DELETE")) {
                experiment.set("state", JSON.createObjectNode().put("status", "stopping"));
                return ok("experiment", experiment);
            }
        }
        ObjectNode error = JSON.createObjectNode().put("__type", "ValidationException")
                .put("message", "fake FIS: unsupported " + method + " " + path);
        return new Reply(400, error);
    }

    private ObjectNode create(Map<String, ObjectNode> into, String prefix, JsonNode input,
                              java.util.function.Consumer<ObjectNode> fill) {
        String token = input.path("clientToken").asText(null);
        if (token != null && byClientToken.containsKey(prefix + token)) {
            return into.get(byClientToken.get(prefix + token));
        }
        String id = prefix + (++ids);
        ObjectNode item = JSON.createObjectNode().put("id", id).put("creationTime", 1.7e9);
        item.set("tags", input.path("tags").isObject() ? input.path("tags") : JSON.createObjectNode());
        fill.accept(item);
        into.put(id, item);
        if (token != null) {
            byClientToken.put(prefix + token, id);
        }
        return item;
    }

    private static Reply page(String member, Map<String, ObjectNode> items, Map<String, String> query) {
        List<ObjectNode> all = new ArrayList<>(items.values());
        int from = Integer.parseInt(query.getOrDefault("nextToken", "0"));
        ObjectNode out = JSON.createObjectNode();
        out.set(member, JSON.valueToTree(all.subList(from, Math.min(all.size(), from + PAGE))));
        if (from + PAGE < all.size()) {
            out.put("nextToken", String.valueOf(from + PAGE));
        }
        return new Reply(200, out);
    }

    private static Reply ok(String member, JsonNode item) {
        ObjectNode out = JSON.createObjectNode();
        out.set(member, item);
        return new Reply(200, out);
    }

    private static Reply notFound(String what) {
        return new Reply(404, JSON.createObjectNode().put("__type", "ResourceNotFoundException")
                .put("message", "The " + what + " does not exist."));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    /** Passes a request for another service to the twin, byte for byte where HTTP lets us. */
    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        if (upstream == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        URI target = URI.create(upstream + exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = forwarder.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] out = response.body();
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.statusCode(), head || out.length == 0 ? -1 : out.length);
        if (!head && out.length > 0) {
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
