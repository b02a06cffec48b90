package dev.ovha.twin.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ControlApiTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AutoClose
    private final Twin twin = Twin.start(TwinOptions.deterministic());

    @Test
    void stateDumpShowsGroupsTargetsAndInstances() throws Exception {
        JsonNode state = call("GET", "/state", 200);
        assertThat(state.path("autoScalingGroups")).hasSize(2);
        assertThat(state.path("autoScalingGroups").get(0).path("desiredCapacity").asInt()).isEqualTo(2);
        assertThat(state.path("targetGroups").get(0).path("targets")).hasSize(2);
        assertThat(state.path("instances")).hasSize(4);
        assertThat(state.path("stacks").get(0).path("status").asText()).isEqualTo("CREATE_COMPLETE");
        assertThat(state.path("buckets")).hasSize(1);
        assertThat(state.path("buckets").get(0).path("name").asText()).startsWith("ovha-twin-cluster-");
        assertThat(state.path("buckets").get(0).path("objects").isArray()).isTrue();
    }

    @Test
    void stateDumpShowsTheQueueRulesAndAlarmsAndTheLogTheirEvents() throws Exception {
        call("POST", "/clock/advance?seconds=60", 200);
        JsonNode state = call("GET", "/state", 200);
        assertThat(state.path("queues")).singleElement().satisfies(q -> {
            assertThat(q.path("name").asText()).isEqualTo("ovha-twin-SQS.fifo");
            assertThat(q.path("visibleMessages").asInt()).isEqualTo(1);
        });
        assertThat(state.path("rules")).hasSize(2);
        assertThat(state.path("rules").get(1).path("scheduleExpression").asText()).isEqualTo("rate(1 minute)");
        assertThat(state.path("rules").get(1).path("targets").toString()).isEqualTo("[\"AsgSchedule\"]");
        assertThat(state.path("alarms")).extracting(a -> a.path("state").asText()).containsExactly("OK", "ALARM");
        call("PUT", "/faults/events-not-delivered", 200);
        assertThat(call("GET", "/state", 200).path("rules").get(0).path("targets")).isEmpty();
        JsonNode events = call("GET", "/events?since=0", 200);
        assertThat(events.findValuesAsText("type")).contains("sqs.sent", "events.delivered", "events.targets-removed");
    }

    @Test
    void faultsAreInjectedClearedAndUnknownOnesRefused() throws Exception {
        assertThat(call("GET", "/faults", 200).path("known").size()).isGreaterThanOrEqualTo(5);
        JsonNode afterInject = call("PUT", "/faults/no-master-replacement", 200);
        assertThat(afterInject.path("active").toString()).contains("no-master-replacement");
        assertThat(call("GET", "/state", 200).path("autoScalingGroups").get(0).path("suspendedProcesses").toString())
                .contains("Launch");
        assertThat(call("DELETE", "/faults/no-master-replacement", 200).path("active")).isEmpty();
        JsonNode unknown = call("PUT", "/faults/sticky-everything", 404);
        assertThat(unknown.path("error").asText()).contains("unknown fault 'sticky-everything'", "masters-one-az");
    }

    @Test
    void groundTruthEventsCarryVirtualAndRealTimes() throws Exception {
        call("POST", "/clock/advance?seconds=30", 200);
        JsonNode events = call("GET", "/events?since=0", 200);
        assertThat(events.size()).isPositive();
        JsonNode first = events.get(0);
        assertThat(first.path("seq").asLong()).isEqualTo(1);
        assertThat(first.path("virtualTime").asText()).endsWith("Z");
        assertThat(first.path("realTime").asText()).endsWith("Z");
        assertThat(first.path("type").asText()).isNotEmpty();
        long last = events.get(events.size() - 1).path("seq").asLong();
        assertThat(call("GET", "/events?since=" + last, 200)).isEmpty();
    }

    @Test
    void resetRestoresTheSeededStack() throws Exception {
        call("PUT", "/faults/master-unhealthy", 200);
        call("POST", "/clock/advance?seconds=300", 200);
        JsonNode changed = call("GET", "/state", 200);
        assertThat(changed.path("instances").size()).isGreaterThan(4);
        call("POST", "/reset", 200);
        JsonNode reset = call("GET", "/state", 200);
        assertThat(reset.path("instances")).hasSize(4);
        assertThat(reset.path("faults")).isEmpty();
        assertThat(reset.path("instances")).isEqualTo(json.readTree(json.writeValueAsString(twin.inWorld(StateDump::of))).path("instances"));
    }

    @Test
    void unknownPathsAndARealTimeClockAreExplained() throws Exception {
        assertThat(call("GET", "/nope", 404).path("error").asText()).contains("not part of the twin's control API");
        try (Twin realTime = Twin.start(TwinOptions.defaults().withTimeScale(60))) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(realTime.endpoints().controlUrl()
                    .resolve("/clock/advance?seconds=1")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.body()).contains("real time");
        }
    }

    private JsonNode call(String method, String path, int expectedStatus) throws Exception {
        URI uri = twin.endpoints().controlUrl().resolve(path);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }
}
