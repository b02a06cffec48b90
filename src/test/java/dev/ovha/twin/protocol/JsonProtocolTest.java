package dev.ovha.twin.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The AWS JSON codec and input on their own: what SDK 2.40.2 needs to see, and what it sends. */
class JsonProtocolTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void outputMembersBecomeOneObjectWithTimestampsAsEpochSeconds() throws Exception {
        Struct output = Struct.of()
                .put("Whole", Instant.parse("2026-01-05T09:00:00Z"))
                .put("Fraction", Instant.parse("2026-01-05T09:00:00.5Z"))
                .put("Count", 3)
                .put("Ratio", 12.5)
                .put("Enabled", true)
                .put("Names", List.of("a", "b"))
                .put("Map", Struct.of().put("k", "v"))
                .put("Absent", null);
        HttpReply reply = JsonCodec.of("1.1").success("Op", output, "rid");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(reply.bodyText()).isEqualTo("{\"Whole\":1767603600,\"Fraction\":1767603600.5,\"Count\":3,\"Ratio\":12.5,"
                + "\"Enabled\":true,\"Names\":[\"a\",\"b\"],\"Map\":{\"k\":\"v\"}}");
        assertThat(JsonCodec.of("1.0").success("Op", null, "rid").bodyText()).isEqualTo("{}");
    }

    @Test
    void errorsCarryABareCodeInBodyAndHeaderAndTheQueryCodeWhenQueryCompatible() throws Exception {
        AwsError error = AwsError.badRequest("QueueDoesNotExist", "The specified queue does not exist.");
        HttpReply plain = JsonCodec.of("1.0").error(error, "rid");
        assertThat(plain.status()).isEqualTo(400);
        JsonNode body = json.readTree(plain.body());
        assertThat(body.path("__type").asText()).isEqualTo("QueueDoesNotExist");
        assertThat(body.path("message").asText()).isEqualTo("The specified queue does not exist.");
        assertThat(plain.headers()).containsEntry("x-amzn-ErrorType", "QueueDoesNotExist").doesNotContainKey("x-amzn-query-error");
        HttpReply compatible = JsonCodec.of("1.0")
                .queryCompatible(Map.of("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue")).error(error, "rid");
        assertThat(compatible.headers()).containsEntry("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender");
        HttpReply server = JsonCodec.of("1.0").queryCompatible(Map.of()).error(new AwsError(500, "InternalFailure", "x"), "rid");
        assertThat(server.headers()).containsEntry("x-amzn-query-error", "InternalFailure;Receiver");
        assertThatThrownBy(() -> JsonCodec.of("2.0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inputReadsMembersListsStructsMapsAndTimestamps() {
        JsonInput in = JsonInput.parse(bytes("{\"Name\":\"x\",\"Limit\":5,\"Flag\":true,\"Names\":[\"a\",\"b\"],"
                + "\"Items\":[{\"Id\":\"i\"}],\"Nested\":{\"Id\":\"n\"},\"Map\":{\"k\":\"v\"},\"At\":1767603600.25,\"Null\":null}"));
        assertThat(in.string("Name")).contains("x");
        assertThat(in.integer("Limit")).contains(5);
        assertThat(in.bool("Flag")).contains(true);
        assertThat(in.strings("Names")).containsExactly("a", "b");
        assertThat(in.structs("Items")).singleElement().satisfies(i -> assertThat(i.string("Id")).contains("i"));
        assertThat(in.struct("Nested").flatMap(n -> n.string("Id"))).contains("n");
        assertThat(in.stringMap("Map")).containsEntry("k", "v");
        assertThat(in.instant("At")).contains(Instant.parse("2026-01-05T09:00:00.250Z"));
        assertThat(in.string("Null")).isEmpty();
        assertThat(in.strings("Missing")).isEmpty();
        assertThat(JsonInput.parse(new byte[0]).string("Name")).isEmpty();
    }

    @Test
    void whatTheJsonFrontEndRefusesIsASerializationException() {
        assertThatThrownBy(() -> JsonInput.parse(bytes("{\"Name\":"))).isInstanceOfSatisfying(AwsError.class,
                e -> assertThat(e.code()).isEqualTo("SerializationException"));
        assertThatThrownBy(() -> JsonInput.parse(bytes("[1]"))).isInstanceOfSatisfying(AwsError.class,
                e -> assertThat(e.getMessage()).contains("must be a JSON object"));
        JsonInput in = JsonInput.parse(bytes("{\"Name\":[\"x\"],\"Names\":\"x\",\"Limit\":\"many\"}"));
        assertThatThrownBy(() -> in.string("Name")).isInstanceOfSatisfying(AwsError.class,
                e -> assertThat(e.getMessage()).isEqualTo("Member Name must be a scalar, got array"));
        assertThatThrownBy(() -> in.strings("Names")).isInstanceOfSatisfying(AwsError.class,
                e -> assertThat(e.code()).isEqualTo("SerializationException"));
        assertThatThrownBy(() -> in.integer("Limit")).isInstanceOfSatisfying(AwsError.class,
                e -> assertThat(e.code()).isEqualTo("SerializationException"));
        assertThatThrownBy(() -> in.required("Other")).isInstanceOfSatisfying(AwsError.class, e -> {
            assertThat(e.code()).isEqualTo("ValidationException");
            assertThat(e.getMessage()).contains("Value null at 'other'");
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
