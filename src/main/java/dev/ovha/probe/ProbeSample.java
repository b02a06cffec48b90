package dev.ovha.probe;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One request of the availability prober, as a user would have lived it. Exactly one of {@code status}
 * (an HTTP answer arrived) and {@code error} (none did: {@code timeout}, {@code connect}, {@code tls},
 * {@code io}…) is set. Headers and bodies are not kept: they carry credentials and nothing the verdict needs.
 *
 * @param seq           request number, from 1, in the order requests were sent
 * @param start         wall-clock time the request was sent (comparable with AWS and twin timestamps)
 * @param latencyMillis time until the answer, the error, or the timeout
 * @param status        HTTP status, or null
 * @param error         error class when no answer arrived, or null
 * @param instanceId    {@code AWS_INSTANCE_ID} of the master that answered, when the body named one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeSample(long seq, Instant start, double latencyMillis, Integer status, String error,
                          String instanceId) {

    public ProbeSample {
        Objects.requireNonNull(start, "start");
        if ((status == null) == (error == null)) {
            throw new IllegalArgumentException("a sample has either a status or an error: " + status + ", " + error);
        }
    }

    /** A 2xx answer: what a user would call "it worked". */
    @JsonIgnore
    public boolean ok() {
        return status != null && status >= 200 && status < 300;
    }

    /** When the answer (or the error) came. */
    @JsonIgnore
    public Instant end() {
        return start.plus(Duration.ofNanos((long) (latencyMillis * 1_000_000)));
    }

    /** {@code 200}, {@code 502} or {@code timeout}: what a chart legend or a log line shows. */
    @JsonIgnore
    public String outcome() {
        return status != null ? String.valueOf(status) : error;
    }
}
