package dev.ovha.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence of one scenario, collected while it runs and attached to its report when it ends.
 * Thread-safe: drivers may report from parallel calls.
 */
public final class ScenarioEvidence implements Evidence {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Redactor redactor;
    private final List<HttpExchangeRecord> http = new ArrayList<>();
    private final List<String> aws = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public ScenarioEvidence(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public synchronized void http(HttpExchangeRecord exchange) {
        http.add(exchange);
    }

    @Override
    public synchronized void aws(String operation, String subject, Object reported) {
        String body;
        try {
            body = JSON.writeValueAsString(reported);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            body = String.valueOf(reported);
        }
        aws.add(operation + " " + subject + "\n" + redactor.clean(body));
    }

    /** A sentence for the report about how the verdict was reached (a bound, a sample size). */
    public synchronized void note(String sentence) {
        notes.add(redactor.clean(sentence));
    }

    public synchronized String notesText() {
        return String.join("\n", notes);
    }

    /** The HTTP exchanges in order, one block each; empty when there were none. */
    public synchronized String httpText() {
        StringBuilder out = new StringBuilder();
        http.forEach(e -> out.append(e.render()).append('\n'));
        return out.toString();
    }

    /** What AWS reported, one block per call; empty when nothing was asked. */
    public synchronized String awsText() {
        return String.join("\n\n", aws);
    }
}
