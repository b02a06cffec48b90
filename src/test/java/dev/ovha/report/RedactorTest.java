package dev.ovha.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private static final String SECRET = "MY_SECRET-123";
    private final Redactor redactor = Redactor.of(List.of(Secret.of(SECRET)));

    @Test
    void removesTheSecretAndItsBasicAuthForm() {
        String basic = Base64.getEncoder().encodeToString(("OPENVIDUAPP:" + SECRET).getBytes(StandardCharsets.UTF_8));
        assertThat(redactor.clean("secret=" + SECRET + " token " + basic)).isEqualTo("secret=**** token ****");
    }

    @Test
    void keepsOnlyTheSchemeOfAnAuthorizationHeader() {
        assertThat(redactor.header("Authorization", "Basic T1BFTlZJRFVBUFA6c29tZXRoaW5n")).isEqualTo("Basic ****");
        assertThat(redactor.header("authorization", "opaque")).isEqualTo("****");
        assertThat(redactor.clean("> Authorization: Bearer abc.def")).isEqualTo("> Authorization: Bearer ****");
        assertThat(redactor.header("Content-Type", "application/json")).isEqualTo("application/json");
    }

    @Test
    void leavesOtherTextAlone() {
        assertThat(redactor.clean("GET /openvidu/api/config answered 200")).isEqualTo("GET /openvidu/api/config answered 200");
        assertThat(Redactor.none().clean(SECRET)).isEqualTo(SECRET);
    }
}
