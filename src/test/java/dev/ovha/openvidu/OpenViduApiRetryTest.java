package dev.ovha.openvidu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ovha.config.Secret;
import dev.ovha.report.Redactor;
import dev.ovha.report.ScenarioEvidence;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The client retries exactly what the vendor says to retry, a bounded number of times, and redacts its evidence. */
class OpenViduApiRetryTest {
    private static final Secret SECRET = Secret.of("retry-test-secret");
    private static final String CONFIG = "{\"VERSION\":\"2.32.2\",\"AWS_INSTANCE_ID\":\"i-1\"}";

    private static OpenViduApi api(ScriptedServer server, ScenarioEvidence evidence) {
        return new OpenViduApi(new OpenViduEndpoint(server.url(), server.url(), Optional.empty(), SECRET, 4), evidence,
                Redactor.of(List.of(SECRET)));
    }

    private static ScenarioEvidence evidence() {
        return new ScenarioEvidence(Redactor.of(List.of(SECRET)));
    }

    @Test
    void serverErrors500To504AreRetriedUntilAnAnswer() {
        try (ScriptedServer server = new ScriptedServer(new ScriptedServer.Reply(502, ""),
                new ScriptedServer.Reply(503, ""), new ScriptedServer.Reply(504, ""), new ScriptedServer.Reply(200, CONFIG))) {
            assertThat(api(server, evidence()).config().instanceId()).isEqualTo("i-1");
            assertThat(server.requests()).hasSize(4);
        }
    }

    @Test
    void theRetriesAreBoundedAndTheFailureSaysSo() {
        try (ScriptedServer server = new ScriptedServer(new ScriptedServer.Reply(500, "boom"))) {
            assertThatThrownBy(() -> api(server, evidence()).config())
                    .isInstanceOf(OpenViduApiException.class)
                    .hasMessageContaining("answered 500 on try 4 of 4")
                    .satisfies(e -> assertThat(((OpenViduApiException) e).status()).isEqualTo(500));
            assertThat(server.requests()).hasSize(4);
        }
    }

    @Test
    void aNotFoundIsRetriedOnlyWhileCreatingASession() {
        try (ScriptedServer server = new ScriptedServer(new ScriptedServer.Reply(404, ""),
                new ScriptedServer.Reply(200, "{\"id\":\"ses_A\",\"createdAt\":1}"))) {
            assertThat(api(server, evidence()).createSession(Optional.of("ses_A")).id()).isEqualTo("ses_A");
            assertThat(server.requests()).containsExactly("POST /openvidu/api/sessions", "POST /openvidu/api/sessions");
        }
        try (ScriptedServer server = new ScriptedServer(new ScriptedServer.Reply(404, "Not found"))) {
            assertThatThrownBy(() -> api(server, evidence()).sessions()).isInstanceOf(OpenViduApiException.class)
                    .hasMessageContaining("answered 404, expected 200");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void otherStatusesAreAnswersNotRetries() {
        try (ScriptedServer server = new ScriptedServer(new ScriptedServer.Reply(401, ""), new ScriptedServer.Reply(200, CONFIG))) {
            assertThat(api(server, evidence()).send("GET", "/openvidu/api/config", Optional.empty()).status()).isEqualTo(401);
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aBodyThatIsNotJsonIsAWrongAnswer() {
        try (ScriptedServer server = new ScriptedServer(new ScriptedServer.Reply(200, "<html>It works!</html>"))) {
            assertThatThrownBy(() -> api(server, evidence()).config()).isInstanceOf(OpenViduApiException.class)
                    .hasMessageContaining("not JSON");
        }
    }

    @Test
    void evidenceShowsEveryTryWithoutTheSecret() {
        ScenarioEvidence evidence = evidence();
        try (ScriptedServer server = new ScriptedServer(new ScriptedServer.Reply(503, "echo retry-test-secret"),
                new ScriptedServer.Reply(200, CONFIG))) {
            api(server, evidence).config();
        }
        assertThat(evidence.httpText()).contains("< 503", "< 200", "Authorization: Basic ****", "echo ****")
                .doesNotContain("retry-test-secret").doesNotContain(OpenViduApi.basic(SECRET).substring(6));
    }

    @Test
    void noAnswerIsReportedAsUnreachable() {
        ScriptedServer stopped = new ScriptedServer(new ScriptedServer.Reply(200, CONFIG));
        OpenViduApi api = api(stopped, evidence());
        stopped.close();
        assertThatThrownBy(api::config).isInstanceOf(OpenViduUnreachable.class).hasMessageContaining("got no answer")
                .hasMessageContaining("refused");
    }
}
