package dev.ovha.twin.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.ovha.twin.Twin;
import dev.ovha.twin.edge.ExchangeReplies;
import dev.ovha.twin.protocol.HttpReply;
import dev.ovha.twin.sim.Fault;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The twin's control API, beside the AWS API: JSON over HTTP on its own port.
 * <pre>
 * GET    /state                 snapshot of the world
 * POST   /reset                 back to the state at start
 * GET    /faults                active and known faults
 * PUT    /faults/{name}         inject a fault (POST works too)
 * DELETE /faults/{name}         clear a fault
 * GET    /events?since=N        ground-truth events after sequence number N
 * GET    /clock                 virtual time and scale
 * POST   /clock/advance?seconds=N   manual clock only
 * </pre>
 */
public final class ControlApi implements HttpHandler {

    private static final double MAX_ADVANCE_SECONDS = 7 * 24 * 3600;

    private final Twin twin;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public ControlApi(Twin twin) {
        this.twin = twin;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("");
            Reply reply;
            try {
                reply = route(method, path, query);
            } catch (IllegalArgumentException | IllegalStateException e) {
                reply = new Reply(e instanceof IllegalStateException ? 409 : 400, Map.of("error", String.valueOf(e.getMessage())));
            } catch (RuntimeException e) {
                // Never drop the connection without an answer: a caller waiting on it would hang.
                reply = new Reply(500, Map.of("error", "the twin failed on " + method + " " + path + ": " + e));
            }
            ExchangeReplies.write(exchange, new HttpReply(reply.status(), "application/json", Map.of(),
                    json.writeValueAsBytes(reply.body())));
        }
    }

    private record Reply(int status, Object body) {
    }

    private Reply route(String method, String path, String query) {
        if (path.equals("/state") && method.equals("GET")) {
            return ok(twin.inWorld(StateDump::of));
        }
        if (path.equals("/reset") && method.equals("POST")) {
            twin.reset();
            return ok(Map.of("reset", true));
        }
        if (path.equals("/faults") && method.equals("GET")) {
            return ok(faults());
        }
        if (path.startsWith("/faults/")) {
            String name = path.substring("/faults/".length());
            Fault fault = Fault.byId(name).orElse(null);
            if (fault == null) {
                return new Reply(404, Map.of("error", "unknown fault '" + name + "'; known faults: " + Fault.knownIds()));
            }
            switch (method) {
                case "PUT", "POST" -> twin.inject(fault);
                case "DELETE" -> twin.clear(fault);
                default -> {
                    return methodNotAllowed(method, path);
                }
            }
            return ok(faults());
        }
        if (path.equals("/events") && method.equals("GET")) {
            long since = Long.parseLong(param(query, "since").orElse("0"));
            return ok(twin.events().since(since));
        }
        if (path.equals("/clock") && method.equals("GET")) {
            return ok(clock());
        }
        if (path.equals("/clock/advance") && method.equals("POST")) {
            double seconds = Double.parseDouble(param(query, "seconds")
                    .orElseThrow(() -> new IllegalArgumentException("POST /clock/advance needs ?seconds=N")));
            if (!Double.isFinite(seconds) || seconds <= 0 || seconds > MAX_ADVANCE_SECONDS) {
                throw new IllegalArgumentException("seconds must be a number above 0 and at most " + MAX_ADVANCE_SECONDS
                        + " (7 days), got " + seconds);
            }
            if (!twin.clock().isManual()) {
                throw new IllegalStateException("this twin's clock runs in real time; only a manual clock can be advanced");
            }
            twin.advance(Duration.ofMillis(Math.round(seconds * 1000)));
            return ok(clock());
        }
        return new Reply(404, Map.of("error", method + " " + path + " is not part of the twin's control API",
                "endpoints", "GET /state, POST /reset, GET /faults, PUT|DELETE /faults/{name}, GET /events?since=N, "
                        + "GET /clock, POST /clock/advance?seconds=N"));
    }

    private Map<String, Object> faults() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", twin.activeFaults().stream().map(Fault::id).sorted().toList());
        body.put("known", Arrays.stream(Fault.values()).map(f -> Map.of("name", f.id(), "kind",
                f.kind().name().toLowerCase(), "description", f.description())).toList());
        return body;
    }

    private Map<String, Object> clock() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("virtualTime", twin.clock().now().toString());
        body.put("manual", twin.clock().isManual());
        body.put("timeScale", twin.clock().timeScale());
        return body;
    }

    private static Reply ok(Object body) {
        return new Reply(200, body);
    }

    private static Reply methodNotAllowed(String method, String path) {
        return new Reply(405, Map.of("error", method + " is not allowed on " + path));
    }

    private static Optional<String> param(String query, String name) {
        return Arrays.stream(query.split("&"))
                .filter(p -> p.startsWith(name + "="))
                .map(p -> p.substring(name.length() + 1))
                .findFirst();
    }
}
